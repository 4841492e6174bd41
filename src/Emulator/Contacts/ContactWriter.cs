using Emulator.Common;
using Emulator.Data;
using Microsoft.EntityFrameworkCore;

namespace Emulator.Contacts;

/// <summary>
/// Writes of the contact endpoints (import, update, status change). Each call is one <c>BEGIN IMMEDIATE</c>
/// transaction: it applies completely or not at all.
/// </summary>
public sealed class ContactWriter(EmulatorDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Imports contacts into <paramref name="customerId"/>'s account, in order. An item updates the newest
    /// non-deleted contact with the same email (case-insensitive) or, failing that, the same phone number and
    /// prefix; otherwise it creates a contact attached to no bot (<c>isImported: true</c>, <c>platform: []</c>).
    /// </summary>
    /// <returns>How many contacts were created and how many updated.</returns>
    public async Task<(int Created, int Updated)> ImportAsync(string customerId, IReadOnlyList<ImportContact> items, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (created, updated) = (0, 0);
        foreach (var item in items)
        {
            var now = Timestamps.Now(clock);
            var details = item.Profile!.UserDetails!;
            var chat = await FindMatchAsync(customerId, details.Contact, cancellationToken);
            if (chat is null)
            {
                chat = await ChatClock.AddNewChatAsync(db, customerId, "", Guid.NewGuid().ToString(), now, cancellationToken);
                chat.IsImported = true;
                chat.IsContact = true;
                now = chat.CreatedAt;
                created++;
            }
            else
            {
                updated++;
            }

            Apply(chat, item.Profile, now);
            Touch(chat, now);
            // Save per item so the next item's match sees this one (an import may repeat an email).
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (created, updated);
    }

    /// <summary>Applies <paramref name="update"/> to the contact <paramref name="id"/> of <paramref name="customerId"/>.</summary>
    /// <returns>The updated contact, or null when no such non-deleted contact exists (the caller answers 404).</returns>
    public async Task<Chat?> UpdateAsync(string customerId, string id, ContactUpdate update, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var chat = await db.Chats.Include(c => c.Labels).SingleOrDefaultAsync(
            c => c.Id == id && c.CustomerId == customerId && c.Status != ChatStatuses.Deleted, cancellationToken);
        if (chat is null)
        {
            return null;
        }

        var now = Timestamps.Now(clock);
        if (update.Profile is not null)
        {
            Apply(chat, update.Profile, now);
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

        Touch(chat, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return chat;
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

        var now = Timestamps.Now(clock);
        foreach (var chat in chats)
        {
            chat.Status = status;
            chat.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    private async Task<Chat?> FindMatchAsync(string customerId, ContactDetailsInput? contact, CancellationToken cancellationToken)
    {
        var live = db.Chats.Include(c => c.Labels)
            .Where(c => c.CustomerId == customerId && c.Status != ChatStatuses.Deleted)
            .OrderByDescending(c => c.CreatedAt);
        if (!string.IsNullOrEmpty(contact?.Email)
            && await live.FirstOrDefaultAsync(c => c.Email == contact.Email, cancellationToken) is { } byEmail)
        {
            return byEmail;
        }

        if (string.IsNullOrEmpty(contact?.Phone?.Number))
        {
            return null;
        }

        // The same normalization as the write, so "+91 98765-43210" finds the contact stored as 91 / 9876543210.
        var prefix = contact.Phone.Prefix is null ? null : PhoneNumbers.DialCode(contact.Phone.Prefix);
        var number = PhoneNumbers.Number(contact.Phone.Number, prefix);
        return await live.FirstOrDefaultAsync(c => c.PhoneNumber == number && c.PhonePrefix == prefix, cancellationToken);
    }

    /// <summary>Applies a profile: scalars when present, tags/attributes/notes replaced when present. Call <see cref="Touch"/> after.</summary>
    private static void Apply(Chat chat, ContactProfileInput profile, DateTime now)
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

    private static void Touch(Chat chat, DateTime now)
    {
        chat.UpdatedAt = now;
        ChatRules.Refresh(chat);
    }
}
