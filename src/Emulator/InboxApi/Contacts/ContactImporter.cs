using Emulator.Common;
using Emulator.Data;
using Microsoft.EntityFrameworkCore;

namespace Emulator.Contacts;

/// <summary>
/// The import of <c>POST /inbox/users/import</c> (README, "Contact endpoints"). One call is one work item of the
/// <see cref="SingleWriter"/>: the batch applies completely or not at all.
/// </summary>
public sealed class ContactImporter(SingleWriter writer, TimeProvider clock) : IDatabaseWriter
{
    /// <summary>
    /// Imports contacts into <paramref name="customerId"/>'s account, in order. An item updates the newest non-deleted
    /// contact with the same email (case-insensitive) or, failing that, the same phone number and prefix — among the
    /// bot's contacts when <paramref name="botId"/> is given, else among all of the account's; otherwise it creates a
    /// contact (<c>isImported: true</c>). A created contact belongs to <paramref name="botId"/> on the bot's channel
    /// (WhatsApp for a bot with no chats yet: the platform documents the import as adding WhatsApp contacts), or to no
    /// bot (<c>platform: []</c>) without one.
    /// </summary>
    /// <param name="customerId">The token's customer.</param>
    /// <param name="botId">The bot the vendor's n8n node names in the query and header, or null.</param>
    /// <param name="items">Items that passed <see cref="ImportContactListValidator"/>.</param>
    /// <param name="cancellationToken">Drops the import while it still waits for the writer.</param>
    /// <returns>How many contacts were created and how many updated; or, when an item would take an existing contact past
    /// its limits (notes, attributes), one problem per such limit, prefixed with the item's index, and nothing imported.</returns>
    public async Task<(int Created, int Updated, IReadOnlyList<string> Problems)> ImportAsync(
        string customerId, string? botId, IReadOnlyList<ImportContact> items, CancellationToken cancellationToken)
    {
        try
        {
            var (created, updated) = await writer.WriteAsync((db, ct) => ImportAsync(db, customerId, botId, items, ct), cancellationToken);
            return (created, updated, []);
        }
        catch (OverLimitsException over)
        {
            // Thrown inside the work item, so its savepoint undid every item before it: all or nothing.
            return (0, 0, over.Problems);
        }
    }

    private sealed class OverLimitsException(IReadOnlyList<string> problems) : Exception("An imported contact would pass its limits.")
    {
        public IReadOnlyList<string> Problems { get; } = problems;
    }

    private async Task<(int Created, int Updated)> ImportAsync(
        EmulatorDbContext db, string customerId, string? botId, IReadOnlyList<ImportContact> items, CancellationToken cancellationToken)
    {
        var channel = botId is null ? null : await BotChannels.FindAsync(db, customerId, botId, cancellationToken) ?? Channels.WhatsApp;
        var (created, updated) = (0, 0);
        foreach (var (item, index) in items.Select((item, index) => (item, index)))
        {
            var chat = await FindMatchAsync(db, customerId, botId, item.Profile!.UserDetails!.Contact, cancellationToken);
            if (chat is null)
            {
                chat = await db.StartChatAsync(customerId, botId ?? "", db.Ids.Guid(), channel ?? Channels.Website, cancellationToken);
                chat.MarkImported();
                created++;
            }
            else
            {
                updated++;
            }

            if (chat.Apply(ContactPatches.From(item.Profile), Timestamps.Now(clock), db.Ids) is { Count: > 0 } problems)
            {
                throw new OverLimitsException(problems.Select(p => $"items[{index}]: {p}").ToList());
            }

            if (chat.Channel == Channels.WhatsApp && chat.WhatsAppNumber is null && !string.IsNullOrEmpty(chat.PhoneNumber))
            {
                // A WhatsApp contact's number is its WhatsApp id: country code and number run together.
                chat.Apply(new ChatPatch { WhatsAppNumber = (chat.PhonePrefix ?? "") + chat.PhoneNumber }, Timestamps.Now(clock), db.Ids);
            }

            db.Touch(chat);
            // Save per item so the next item's match sees this one (an import may repeat an email), then stop tracking
            // it: every save compares all tracked chats, which made a 1,000-item import quadratic.
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return (created, updated);
    }

    private static async Task<Chat?> FindMatchAsync(EmulatorDbContext db, string customerId, string? botId, ContactDetailsInput? contact, CancellationToken cancellationToken)
    {
        // Each lookup names its index: with planner statistics sampled from many equal values (a load test's leads all
        // share one email), SQLite walked the whole customer in date order instead, and an import slowed with every row.
        if (!string.IsNullOrEmpty(contact?.Email)
            && await NewestLive(db.Chats.FromSql(
                $"SELECT * FROM Chats INDEXED BY IX_Chats_CustomerId_Email WHERE CustomerId = {customerId} AND Email = {contact.Email} COLLATE NOCASE"),
                botId, cancellationToken) is { } byEmail)
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
        var byPhone = db.Chats.FromSql(
            $"SELECT * FROM Chats INDEXED BY IX_Chats_CustomerId_PhoneNumber_PhonePrefix WHERE CustomerId = {customerId} AND PhoneNumber = {number}");
        return await NewestLive(byPhone.Where(c => c.PhonePrefix == prefix), botId, cancellationToken);
    }

    // The newest non-deleted candidate, of the bot when one is given.
    private static Task<Chat?> NewestLive(IQueryable<Chat> candidates, string? botId, CancellationToken cancellationToken)
    {
        var live = candidates.Include(c => c.Labels).Where(c => c.Status != ChatStatuses.Deleted);
        live = botId is null ? live : live.Where(c => c.BotId == botId);
        return live.OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(cancellationToken);
    }
}
