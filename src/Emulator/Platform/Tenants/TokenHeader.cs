using Emulator.Common;

namespace Emulator.Tenants;

/// <summary>
/// Endpoint metadata naming the header an endpoint documents for its API token (<c>x-bp-token</c> on the
/// lead PUT, <c>x-bot-token</c> on the chats GET), or null for endpoints documented with Bearer only.
/// </summary>
/// <param name="Name">The header name, or null.</param>
public sealed record TokenHeader(string? Name)
{
    /// <summary>The lead PUT's header (help page "Website Contacts &amp; Meta Data": <c>x-bp-token*</c>).</summary>
    public const string Lead = "x-bp-token";

    /// <summary>The chats GET's header (help page "Website Contacts &amp; Meta Data": <c>x-bot-token*</c>).</summary>
    public const string Chats = "x-bot-token";

    /// <summary>Every per-endpoint header, to recognise a token sent under another endpoint's name.</summary>
    public static readonly IReadOnlyList<string> All = [Lead, Chats];
}
