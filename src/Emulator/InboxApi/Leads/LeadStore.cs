using Emulator.Common;
using Emulator.Data;
using Microsoft.EntityFrameworkCore;

namespace Emulator.Leads;

/// <summary>
/// The lead upsert of <c>PUT /inbox/direct/lead</c>, keyed by (customerId, botId, uuid).
/// Each upsert is one work item of the <see cref="SingleWriter"/>, so concurrent PUTs for one uuid are serialized: one
/// chat is created, and no appended note is lost.
/// </summary>
public sealed class LeadStore(SingleWriter writer, TimeProvider clock) : IDatabaseWriter
{
    /// <summary>
    /// Creates the chat on the first PUT for its key, else changes only the fields the request carries:
    /// scalars are replaced, <c>notes</c> are appended (each given a new 24-hex <c>_id</c>), <c>tags</c>
    /// replace the stored list (duplicates dropped), <c>attributes</c> are upserted by key.
    /// </summary>
    /// <param name="lead">A request that passed <see cref="LeadRequestValidator"/>.</param>
    /// <param name="cancellationToken">Drops the upsert while it still waits for the writer.</param>
    /// <returns>Problems that leave the chat unchanged (its notes or attributes would pass their limit), or none.</returns>
    public Task<IReadOnlyList<string>> UpsertAsync(LeadRequest lead, CancellationToken cancellationToken) =>
        writer.WriteAsync((db, ct) => UpsertAsync(db, lead, ct), cancellationToken);

    private async Task<IReadOnlyList<string>> UpsertAsync(EmulatorDbContext db, LeadRequest lead, CancellationToken cancellationToken)
    {
        var chat = await FindChat(db, lead.CustomerId!, lead.BotId!, lead.Uuid!)
            ?? await db.StartChatAsync(lead.CustomerId!, lead.BotId!, lead.Uuid!, Channels.Website, cancellationToken);

        if (chat.Apply(ToPatch(lead), Timestamps.Now(clock), db.Ids) is { Count: > 0 } problems)
        {
            return problems;
        }

        chat.NoteDetailsReceived();
        db.Touch(chat);
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    // Compiled once: the upsert key's lookup runs on every PUT, inside the single writer.
    private static readonly Func<EmulatorDbContext, string, string, string, Task<Chat?>> FindChat = EF.CompileAsyncQuery(
        (EmulatorDbContext db, string customerId, string botId, string uuid) => db.Chats.Include(c => c.Labels)
            .SingleOrDefault(c => c.CustomerId == customerId && c.BotId == botId && c.Uuid == uuid));

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
