using System.Text.Json.Serialization;
using Emulator.Common;

namespace Emulator.Contacts;

/// <summary>
/// The writable part of a contact object, as <c>POST /inbox/users</c> returns it and clients send it back
/// (<c>PUT /inbox/users/{id}</c>) or import it (<c>POST /inbox/users/import</c>). Read-only members of the
/// contact (<c>_id</c>, <c>createdAt</c>, <c>__v</c>, …) are not modelled, so they are ignored.
/// Absent or null members leave the stored value unchanged.
/// </summary>
public sealed class ContactProfileInput
{
    /// <summary><c>profile.userDetails</c>.</summary>
    public UserDetailsInput? UserDetails { get; init; }

    /// <summary><c>profile.notes</c>: when present, the contact's notes become this list (a note keeps its <c>_id</c>
    /// when it has a known one; others get a new id).</summary>
    [WireHint("a list of {title, description, _id}")]
    public List<NoteInput>? Notes { get; init; }
}

/// <summary><c>profile.userDetails</c> of a contact being written.</summary>
public sealed class UserDetailsInput
{
    /// <summary><c>name</c>; at most 256 characters.</summary>
    public string? Name { get; init; }

    /// <summary><c>userProvidedName</c>; at most 256 characters.</summary>
    public string? UserProvidedName { get; init; }

    /// <summary><c>contact</c>: email and phone.</summary>
    public ContactDetailsInput? Contact { get; init; }

    /// <summary><c>picture</c>: an absolute http(s) URL.</summary>
    public string? Picture { get; init; }

    /// <summary><c>city</c>; at most 256 characters.</summary>
    public string? City { get; init; }

    /// <summary><c>country</c>; at most 256 characters.</summary>
    public string? Country { get; init; }

    /// <summary><c>gender</c>, e.g. "MALE"; at most 32 characters.</summary>
    public string? Gender { get; init; }

    /// <summary><c>whatsAppNumber</c>: country code and number, run together ("919876543210", as the platform answers it)
    /// or as "&lt;prefix&gt; &lt;number&gt;" ("91 9876543210"); "+" allowed. Stored run together.</summary>
    public string? WhatsAppNumber { get; init; }

    /// <summary><c>telegramUserName</c>; at most 256 characters.</summary>
    public string? TelegramUserName { get; init; }

    /// <summary><c>instagramProfileId</c>; at most 256 characters.</summary>
    public string? InstagramProfileId { get; init; }

    /// <summary><c>facebookProfileId</c>; at most 256 characters.</summary>
    public string? FacebookProfileId { get; init; }

    /// <summary><c>tags</c>: replace the stored tags.</summary>
    [WireHint("a list of strings")]
    public List<string>? Tags { get; init; }

    /// <summary><c>attributes</c>: replace the stored attributes.</summary>
    [WireHint("a list of {key, value}")]
    public List<AttributeInput?>? Attributes { get; init; }
}

/// <summary><c>contact</c>: <c>{email, phone: {number, prefix}}</c>.</summary>
public sealed class ContactDetailsInput
{
    /// <summary>The email address; "" clears it.</summary>
    public string? Email { get; init; }

    /// <summary>The phone number and dial code.</summary>
    public PhoneInput? Phone { get; init; }
}

/// <summary><c>phone</c>: digits and the dial code (with or without "+"; stored without).</summary>
public sealed class PhoneInput
{
    /// <summary>1–20 digits, a leading "+" and separators allowed (stored as digits); "" clears it.</summary>
    public string? Number { get; init; }

    /// <summary>1–4 digits, "+" optional.</summary>
    public string? Prefix { get; init; }
}

/// <summary>A note <c>{title, description, _id}</c>; <c>_id</c> is optional.</summary>
public sealed class NoteInput : INoteInput
{
    /// <summary>The note's title; at most 256 characters.</summary>
    public string? Title { get; init; }

    /// <summary>The note's text; at most 5000 characters.</summary>
    public string? Description { get; init; }

    /// <summary>The note's existing id, kept when the contact has a note with it.</summary>
    [JsonPropertyName("_id")]
    public string? Id { get; init; }
}
