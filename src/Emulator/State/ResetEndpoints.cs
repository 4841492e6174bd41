using Emulator.Control;
using Emulator.Data;
using Emulator.Journal;
using Emulator.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Emulator.State;

/// <summary><c>POST /_emulator/reset</c>: back to a fresh start, or one tenant emptied.</summary>
public static class ResetEndpoints
{
    /// <summary>Maps the reset endpoint on the control surface group.</summary>
    public static RouteGroupBuilder MapResetApi(this RouteGroupBuilder emulator)
    {
        emulator.MapPost("/reset", async (string? customerId, SingleWriter writer, TenantDirectory directory, RequestJournal journal,
                EmulatorClock clock, IEnumerable<IResettable> others, CancellationToken cancellationToken) =>
            {
                var chats = await writer.WriteAsync(async (db, ct) =>
                {
                    var deleted = await StoredData.DeleteAsync(db, customerId, ct);
                    if (customerId is null)
                    {
                        await db.Tenants.ExecuteDeleteAsync(ct);
                    }

                    return deleted;
                }, cancellationToken);
                journal.Clear(customerId);
                if (customerId is null)
                {
                    directory.RemoveRuntime(null);
                    clock.Reset();
                    foreach (var other in others)
                    {
                        other.Reset();
                    }
                }

                return TypedResults.Ok(new ResetWire(chats));
            })
            .WithName("Reset")
            .WithTags("Data")
            .WithSummary("Empty everything, or one tenant's data (customerId)")
            .WithDescription("Without customerId: every chat, contact and segment, the runtime tenants, the request journal, the fault " +
                "rules and the clock, as on a fresh start (configured tenants and the development tenant stay). With customerId: that " +
                "tenant's chats, contacts, segments and journal entries; the tenant itself stays.");
        return emulator;
    }
}

/// <summary>In-memory state that a full reset clears (fault rules, rate limits).</summary>
public interface IResettable
{
    /// <summary>Returns to the state of a fresh start.</summary>
    void Reset();
}

/// <summary>Answer of <c>POST /_emulator/reset</c>.</summary>
/// <param name="DeletedChats">How many chats (contacts) were deleted.</param>
public sealed record ResetWire(int DeletedChats);
