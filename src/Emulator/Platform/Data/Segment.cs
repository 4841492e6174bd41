namespace Emulator.Data;

/// <summary>
/// A saved segment of a customer's contacts, listed by <c>GET /inbox/segments</c>; a contact's
/// <see cref="Chat.Segments"/> holds segment ids, which the <c>segments</c> filter of <c>POST /inbox/users</c> matches.
/// </summary>
public sealed class Segment
{
    /// <summary>The segment's <c>_id</c>: 24 lowercase hex characters.</summary>
    public required string Id { get; set; }

    /// <summary>The owning customer account.</summary>
    public required string CustomerId { get; set; }

    /// <summary>The segment's name.</summary>
    public required string Name { get; set; }

    /// <summary>When the segment was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the segment was last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
