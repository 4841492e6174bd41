using Emulator.Common;
using Emulator.Data;
using Microsoft.EntityFrameworkCore;

namespace Emulator.Leads;

/// <summary>
/// The lead upsert of <c>PUT /inbox/direct/lead</c>, keyed by (customerId, botId, uuid).
/// Each upsert runs in one <c>BEGIN IMMEDIATE</c> SQLite transaction (Microsoft.Data.Sqlite's default), so
/// concurrent PUTs for one uuid are serialized: one chat is created, and no appended note is lost.
/// </summary>
public sealed class LeadStore(EmulatorDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Creates the chat on the first PUT for its key, else changes only the fields the request carries:
    /// scalars are replaced, <c>notes</c> are appended (each given a new 24-hex <c>_id</c>), <c>tags</c>
    /// replace the stored list (duplicates dropped), <c>attributes</c> are upserted by key.
    /// </summary>
    /// <param name="lead">A request that passed <see cref="LeadRequestValidator"/>.</param>
    /// <param name="cancellationToken">Aborts before the commit.</param>
    /// <returns>Problems that leave the chat unchanged (its notes or attributes would pass their limit), or none.</returns>
    public async Task<IReadOnlyList<string>> UpsertAsync(LeadRequest lead, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var chat = await db.Chats.Include(c => c.Labels).SingleOrDefaultAsync(
            c => c.CustomerId == lead.CustomerId && c.BotId == lead.BotId && c.Uuid == lead.Uuid, cancellationToken)
            ?? await db.StartChatAsync(lead.CustomerId!, lead.BotId!, lead.Uuid!, Channels.Website, cancellationToken);

        var patch = ToPatch(lead);
        if (ChatRules.OverLimits(chat, patch) is { Count: > 0 } problems)
        {
            return problems;
        }

        ChatRules.Apply(chat, patch, Timestamps.Now(clock));

        // A visitor whose details reached the bot has interacted with it.
        chat.UserInteracted |= ChatRules.HoldsContactDetails(chat);
        db.Touch(chat);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    // The lead PUT's merge: scalars replace, notes are appended, tags replace, attributes are upserted by key.
    private static ChatPatch ToPatch(LeadRequest lead) => new()
    {
        Name = lead.Name,
        Email = lead.Email,
        PhoneNumber = lead.Phone,
        DialCode = lead.DialCode,
        Picture = lead.Picture,
        Status = lead.Status,
        AgentAssigned = lead.AgentId,
        Tags = lead.Tags,
        UpsertAttributes = lead.Attributes?.Select(a => (a!.Key!, a.Value)).ToList(),
        AppendNotes = lead.Notes?.Select(n => (n.Title, n.Description)).ToList(),
    };
}
