using Emulator.Data;

namespace Emulator.Contacts;

/// <summary>Turns the contact endpoints' bodies into a <see cref="ChatPatch"/>, the one shape every writer merges.</summary>
public static class ContactPatches
{
    /// <summary>
    /// A contact profile as the import and the update send it: <c>userDetails</c> scalars when present; its
    /// <c>tags</c> and <c>attributes</c> and <c>profile.notes</c> replace the stored lists.
    /// </summary>
    public static ChatPatch From(ContactProfileInput? profile)
    {
        var d = profile?.UserDetails;
        return new ChatPatch
        {
            Name = d?.Name,
            UserProvidedName = d?.UserProvidedName,
            Email = d?.Contact?.Email,
            PhoneNumber = d?.Contact?.Phone?.Number,
            DialCode = d?.Contact?.Phone?.Prefix,
            Picture = d?.Picture,
            City = d?.City,
            Country = d?.Country,
            Gender = d?.Gender,
            WhatsAppNumber = d?.WhatsAppNumber,
            TelegramUserName = d?.TelegramUserName,
            InstagramProfileId = d?.InstagramProfileId,
            FacebookProfileId = d?.FacebookProfileId,
            Tags = d?.Tags,
            ReplaceAttributes = d?.Attributes?.Select(a => (a!.Key!, a.Value)).ToList(),
            ReplaceNotes = profile?.Notes?.Select(n => (n.Id, n.Title, n.Description)).ToList(),
        };
    }

    /// <summary>
    /// The body of <c>PUT /inbox/users/{id}</c>: its profile (<see cref="From(ContactProfileInput?)"/>), its status,
    /// and the top-level channel handles and <c>attributes</c> (upserted by key), which win over their profile places.
    /// </summary>
    public static ChatPatch From(ContactUpdate update) => From(update.Profile) with
    {
        Status = update.Status,
        TelegramUserName = update.TelegramUserName ?? update.Profile?.UserDetails?.TelegramUserName,
        InstagramProfileId = update.InstagramProfileId ?? update.Profile?.UserDetails?.InstagramProfileId,
        FacebookProfileId = update.FacebookProfileId ?? update.Profile?.UserDetails?.FacebookProfileId,
        WhatsAppNumber = update.WhatsAppNumber ?? update.Profile?.UserDetails?.WhatsAppNumber,
        UpsertAttributes = update.Attributes?.Select(a => (a!.Key!, a.Value)).ToList(),
    };
}
