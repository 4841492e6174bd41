using Emulator.Common;

namespace Emulator.Leads;

/// <summary>
/// Body of <c>PUT /inbox/direct/lead</c>, field for field as the "Request Body" table of the help page "Website Contacts &amp; Meta Data"
/// (the table's blank name before "Email of the lead" is <c>email</c>). Absent or null fields leave the
/// stored value unchanged; an empty string stores an empty value.
/// </summary>
public sealed class LeadRequest : ICustomerScoped
{
    /// <summary>Required: the visitor's widget session id ("Unique ID of a chat user"); at most 128 characters.</summary>
    public string? Uuid { get; init; }

    /// <summary>Required: the bot's id; at most 64 characters.</summary>
    public string? BotId { get; init; }

    /// <summary>Required: the customer account's id; must be the token's own (else 403).</summary>
    public string? CustomerId { get; init; }

    /// <summary>
    /// The assigned agent's id, stored as <c>_agentAssigned</c>. A string: the Flowmatix, BotPenguin and eleapi
    /// tables print its type as Boolean, yet describe it as an id, and Convertalk prints String.
    /// </summary>
    [WireHint("the assigned agent's id; the docs' 'Boolean' type is a misprint")]
    public string? AgentId { get; init; }

    /// <summary>The lead's name (<c>profile.userDetails.name</c>); at most 256 characters.</summary>
    public string? Name { get; init; }

    /// <summary>The lead's email address (<c>contact.email</c>); at most 254 characters.</summary>
    public string? Email { get; init; }

    /// <summary>The lead's phone number (<c>contact.phone.number</c>): 1–20 digits, a leading "+" and spaces, dashes,
    /// dots or parentheses allowed; stored as digits (<see cref="PhoneNumbers.Number"/>).</summary>
    public string? Phone { get; init; }

    /// <summary>The dial code, "+" and 1–4 digits ("+" optional); stored without "+" as <c>contact.phone.prefix</c>.</summary>
    public string? DialCode { get; init; }

    /// <summary>Notes to append to <c>profile.notes</c>; at most 1000 per request and on the chat.</summary>
    [WireHint("a list of {title, description}")]
    public List<LeadNote>? Notes { get; init; }

    /// <summary>One of OPEN, INPROGRESS, REVIEW, ONHOLD, DEPENDANCY, CLOSED (case-sensitive).</summary>
    public string? Status { get; init; }

    /// <summary>An absolute http(s) URL of the lead's picture; at most 2048 characters.</summary>
    public string? Picture { get; init; }

    /// <summary>Tags that replace <c>profile.userDetails.tags</c>; at most 100 non-empty strings of up to 100 characters.</summary>
    [WireHint("a list of strings")]
    public List<string>? Tags { get; init; }

    /// <summary>Attributes upserted by key into <c>profile.userDetails.attributes</c>; at most 1000 per request and on the chat.</summary>
    [WireHint("a list of {key, value}")]
    public List<AttributeInput?>? Attributes { get; init; }
}

/// <summary>A note of <see cref="LeadRequest.Notes"/>: <c>{title, description}</c>.</summary>
public sealed class LeadNote : INoteInput
{
    /// <summary>The note's title; at most 256 characters.</summary>
    public string? Title { get; init; }

    /// <summary>The note's text; at most 5000 characters.</summary>
    public string? Description { get; init; }
}
