using Emulator.Common;
using Emulator.Data;
using Microsoft.EntityFrameworkCore;

namespace Emulator.Contacts;

/// <summary>
/// Writes of the contact endpoints that change known contacts (update, status change; the import is
/// <see cref="ContactImporter"/>). Each call is one <c>BEGIN IMMEDIATE</c> transaction: it applies completely or not at all.
/// </summary>
public sealed class ContactWriter(EmulatorDbContext db, TimeProvider clock)
{
    /// <summary>Applies <paramref name="update"/> to the contact <paramref name="id"/> of <paramref name="customerId"/>.</summary>
    /// <returns>The updated contact, or null when no such non-deleted contact exists (the caller answers 404); or the
    /// problems that left it unchanged (a top-level attribute upsert past the chat's limit).</returns>
    public async Task<(Chat? Chat, IReadOnlyList<string> Problems)> UpdateAsync(
        string customerId, string id, ContactUpdate update, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var chat = await db.Chats.Include(c => c.Labels).SingleOrDefaultAsync(
            c => c.Id == id && c.CustomerId == customerId && c.Status != ChatStatuses.Deleted, cancellationToken);
        if (chat is null)
        {
            return (null, []);
        }

        var now = Timestamps.Now(clock);
        if (update.Profile is not null)
        {
            Apply(chat, update.Profile, now);
        }

        if (ChatRules.OverLimits(chat, 0, update.Attributes?.Select(a => a!.Key!)) is { Count: > 0 } problems)
        {
            return (null, problems);
        }

        chat.Status = update.Status ?? chat.Status;
        chat.TelegramUserName = update.TelegramUserName ?? chat.TelegramUserName;
        chat.InstagramProfileId = update.InstagramProfileId ?? chat.InstagramProfileId;
        chat.FacebookProfileId = update.FacebookProfileId ?? chat.FacebookProfileId;
        ChatRules.SetWhatsAppNumber(chat, update.WhatsAppNumber);
        foreach (var attribute in update.Attributes ?? [])
        {
            ChatRules.SetAttribute(chat, attribute!.Key!, attribute.Value);
        }

        db.Touch(chat);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (chat, []);
    }

    /// <summary>
    /// Sets the status of every contact in <paramref name="ids"/> of <paramref name="customerId"/>; with
    /// <see cref="ChatStatuses.Deleted"/> they leave every listing. All or nothing.
    /// </summary>
    /// <returns>The ids that match no contact of the customer; when any, nothing was changed.</returns>
    public async Task<IReadOnlyList<string>> SetStatusAsync(string customerId, IReadOnlyList<string> ids, string status, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        var chats = await db.Chats.Where(c => c.CustomerId == customerId && wanted.Contains(c.Id)).ToListAsync(cancellationToken);
        var unknown = wanted.Except(chats.Select(c => c.Id), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            return unknown;
        }

        foreach (var chat in chats)
        {
            chat.Status = status;
            db.Touch(chat);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    /// <summary>Applies a profile: scalars when present, tags/attributes/notes replaced when present. Mark the chat with <see cref="EmulatorDbContext.Touch"/> after.</summary>
    internal static void Apply(Chat chat, ContactProfileInput profile, DateTime now)
    {
        if (profile.UserDetails is { } d)
        {
            chat.Name = d.Name ?? chat.Name;
            chat.UserProvidedName = d.UserProvidedName ?? chat.UserProvidedName;
            chat.Email = d.Contact?.Email ?? chat.Email;
            ChatRules.SetPhone(chat, d.Contact?.Phone?.Number, d.Contact?.Phone?.Prefix);
            chat.Picture = d.Picture ?? chat.Picture;
            chat.City = d.City ?? chat.City;
            chat.Country = d.Country ?? chat.Country;
            chat.Gender = d.Gender ?? chat.Gender;
            ChatRules.SetWhatsAppNumber(chat, d.WhatsAppNumber);
            chat.TelegramUserName = d.TelegramUserName ?? chat.TelegramUserName;
            chat.InstagramProfileId = d.InstagramProfileId ?? chat.InstagramProfileId;
            chat.FacebookProfileId = d.FacebookProfileId ?? chat.FacebookProfileId;
            if (d.Tags is not null)
            {
                ChatRules.SetTags(chat, d.Tags);
            }

            if (d.Attributes is not null)
            {
                chat.Attributes.Clear();
                foreach (var attribute in d.Attributes)
                {
                    ChatRules.SetAttribute(chat, attribute!.Key!, attribute.Value);
                }
            }
        }

        if (profile.Notes is not null)
        {
            var kept = chat.Notes.ToDictionary(n => n.Id);
            chat.Notes = profile.Notes.Select(n => new ChatNote
            {
                Id = n.Id is { } id && kept.ContainsKey(id) ? id : ObjectIds.New(now),
                Title = n.Title,
                Description = n.Description,
            }).GroupBy(n => n.Id).Select(g => g.Last()).ToList();
        }
    }
}
