using Emulator.Control;
using Emulator.Data;
using Emulator.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Emulator.State;

/// <summary><c>POST /_emulator/reset</c>: back to a fresh start, or one tenant emptied.</summary>
public static class ResetEndpoints
{
    /// <summary>Maps the reset endpoint on the control surface group.</summary>
    public static RouteGroupBuilder MapResetApi(this RouteGroupBuilder emulator)
    {
        emulator.MapPost("/reset", async (string? customerId, DataReset reset, CancellationToken cancellationToken) =>
                TypedResults.Ok(new ResetWire(await reset.ResetAsync(customerId, cancellationToken))))
            .WithName("Reset")
            .WithTags("Data")
            .WithSummary("Empty everything, or one tenant's data (customerId)")
            .WithDescription("Without customerId: every chat, contact and segment, the runtime tenants, the request journal, the fault " +
                "rules and the clock, as on a fresh start (configured tenants and the development tenant stay). With customerId: that " +
                "tenant's chats, contacts, segments, journal entries, fault rules, WhatsApp outbox and webhook deliveries; the tenant itself " +
                "stays, and so do the clock and the webhook switches, which all tenants share.");
        return emulator;
    }
}

/// <summary>
/// The reset behind <c>POST /_emulator/reset</c> and the inspector's reset button: one exclusive operation of the single
/// writer for the database and every in-memory store (<see cref="IResettable"/>), so no write runs between them.
/// </summary>
public sealed class DataReset(SingleWriter writer, TenantDirectory directory, EmulatorClock clock, IEnumerable<IResettable> memory)
{
    /// <summary>Empties everything (<paramref name="customerId"/> null: the runtime tenants and the clock too, as on a fresh
    /// start) or one tenant's data; returns how many chats were deleted.</summary>
    public Task<int> ResetAsync(string? customerId, CancellationToken cancellationToken) =>
        writer.ExclusiveAsync(async (db, ct) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var deleted = await StoredData.DeleteAsync(db, customerId, ct);
            if (customerId is null)
            {
                await db.Tenants.ExecuteDeleteAsync(ct);
            }

            await transaction.CommitAsync(ct);
            foreach (var state in memory)
            {
                state.Reset(customerId);
            }

            if (customerId is null)
            {
                directory.RemoveRuntime(null);
                clock.Reset();
            }

            return deleted;
        }, cancellationToken);
}

/// <summary>
/// In-memory state that <c>POST /_emulator/reset</c> clears (journal, fault rules, WhatsApp outbox, webhook deliveries and
/// switches): the one place a reset reaches them, so new in-memory state registers here instead of being remembered by
/// the endpoint.
/// </summary>
public interface IResettable
{
    /// <summary>Called when a snapshot replaced the stored data (README, "Testing with the emulator"): forget what
    /// describes the data that was there (sends, deliveries, pending events); keep what configures the test run.</summary>
    void Restored()
    {
    }

    /// <summary>
    /// Returns to the state of a fresh start when <paramref name="customerId"/> is null; otherwise forgets what is kept
    /// for that tenant only (state shared by all tenants stays).
    /// </summary>
    void Reset(string? customerId);
}

/// <summary>Answer of <c>POST /_emulator/reset</c>.</summary>
/// <param name="DeletedChats">How many chats (contacts) were deleted.</param>
public sealed record ResetWire(int DeletedChats);
