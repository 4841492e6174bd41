using Emulator.Common;
using Emulator.Data;
using Microsoft.EntityFrameworkCore;

namespace Emulator.Contacts;

/// <summary>
/// Writes of the contact endpoints that change known contacts (update, status change; the import is
/// <see cref="ContactImporter"/>). Each call is one work item of the <see cref="SingleWriter"/>: it applies completely or
/// not at all.
/// </summary>
public sealed class ContactWriter(SingleWriter writer, TimeProvider clock) : IDatabaseWriter
{
    /// <summary>Applies <paramref name="update"/> to the contact <paramref name="id"/> of <paramref name="customerId"/>.</summary>
    /// <returns>The updated contact, or null when no such non-deleted contact exists (the caller answers 404); or the
    /// problems that left it unchanged (a top-level attribute upsert past the chat's limit).</returns>
    public Task<(Chat? Chat, IReadOnlyList<string> Problems)> UpdateAsync(
        string customerId, string id, ContactUpdate update, CancellationToken cancellationToken) =>
        writer.WriteAsync((db, ct) => UpdateAsync(db, customerId, id, update, ct), cancellationToken);

    private async Task<(Chat? Chat, IReadOnlyList<string> Problems)> UpdateAsync(
        EmulatorDbContext db, string customerId, string id, ContactUpdate update, CancellationToken cancellationToken)
    {
        var chat = await db.Chats.Include(c => c.Labels).SingleOrDefaultAsync(
            c => c.Id == id && c.CustomerId == customerId && c.Status != ChatStatuses.Deleted, cancellationToken);
        if (chat is null)
        {
            return (null, []);
        }

        if (chat.Apply(ContactPatches.From(update), Timestamps.Now(clock), db.Ids) is { Count: > 0 } problems)
        {
            return (null, problems);
        }

        db.Touch(chat);
        await db.SaveChangesAsync(cancellationToken);
        return (chat, []);
    }

    /// <summary>
    /// Sets the status of every contact in <paramref name="ids"/> of <paramref name="customerId"/>; with
    /// <see cref="ChatStatuses.Deleted"/> they leave every listing. All or nothing.
    /// </summary>
    /// <returns>The ids that match no contact of the customer; when any, nothing was changed.</returns>
    public Task<IReadOnlyList<string>> SetStatusAsync(string customerId, IReadOnlyList<string> ids, string status, CancellationToken cancellationToken) =>
        writer.WriteAsync((db, ct) => SetStatusAsync(db, customerId, ids, status, ct), cancellationToken);

    private static async Task<IReadOnlyList<string>> SetStatusAsync(
        EmulatorDbContext db, string customerId, IReadOnlyList<string> ids, string status, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        var chats = await db.Chats.Where(c => c.CustomerId == customerId && wanted.Contains(c.Id)).ToListAsync(cancellationToken);
        var unknown = wanted.Except(chats.Select(c => c.Id), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            return unknown;
        }

        foreach (var chat in chats)
        {
            chat.SetStatus(status);
            db.Touch(chat);
        }

        await db.SaveChangesAsync(cancellationToken);
        return [];
    }
}
