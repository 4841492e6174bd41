using Emulator.Common;
using Microsoft.AspNetCore.Mvc;

namespace Emulator.Chats;

/// <summary>
/// Query of <c>GET /inbox/direct/chats</c> (help page "Website Contacts &amp; Meta Data": <c>botId*</c>, <c>customerId*</c>, <c>page*</c>, <c>type*</c>).
/// Bound as raw strings so that a bad value gets a message in the platform's envelope, not a binding failure.
/// </summary>
public sealed class ChatListQuery : ICustomerScoped
{
    /// <summary>Required: the bot whose chats to list.</summary>
    [FromQuery(Name = "botId")]
    public string? BotId { get; init; }

    /// <summary>Required: the customer account; must be the token's own (else 403).</summary>
    [FromQuery(Name = "customerId")]
    public string? CustomerId { get; init; }

    /// <summary>Required: the page number, an integer from 1.</summary>
    [FromQuery(Name = "page")]
    public string? Page { get; init; }

    /// <summary>Required: "lead" for leads, "non-lead" for chats that are not leads.</summary>
    [FromQuery(Name = "type")]
    public string? Type { get; init; }

    /// <summary>The parsed page number; valid after validation.</summary>
    public int PageNumber => int.Parse(Page!, System.Globalization.CultureInfo.InvariantCulture);
}
