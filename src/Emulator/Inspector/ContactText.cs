using Emulator.Contacts;

namespace Emulator.Inspector;

/// <summary>How the inspector's pages name a contact and write its phone, the same on the list and the contact's page.</summary>
internal static class ContactText
{
    /// <summary>The name, else the name the user gave, else the uuid.</summary>
    public static string NameOf(ContactWire contact) =>
        contact.Profile.UserDetails.Name ?? contact.Profile.UserDetails.UserProvidedName ?? contact.Uuid;

    /// <summary><c>+prefix number</c>, or empty without a number.</summary>
    public static string PhoneOf(ContactWire contact) => contact.Profile.UserDetails.Contact.Phone is { Number.Length: > 0 } phone
        ? $"+{phone.Prefix} {phone.Number}"
        : "";
}
