using System.Text.Json.Nodes;
using Emulator.Data;
using Emulator.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Emulator.Tests.Core;

/// <summary>Group commit (README, "Performance"): writes that wait together share a transaction, yet each stands alone.</summary>
public sealed class SingleWriterTests
{
    [Fact]
    public async Task A_write_that_queues_another_write_fails_at_once_and_the_writer_goes_on()
    {
        await using var emulator = new EmulatorFactory();
        var writer = emulator.Services.GetRequiredService<SingleWriter>();

        // Before, the inner write waited for the loop that ran the outer one: both hung forever.
        var nested = writer.WriteAsync(async (db, ct) => await writer.WriteAsync((_, _) => Task.FromResult(1), ct), default);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => nested.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("queued another write", error.Message);

        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("after-nested", new { name = "Ann" }))).ExpectOk();
    }

    [Fact]
    public async Task A_failing_write_is_undone_alone_and_the_others_of_its_batch_are_committed()
    {
        await using var emulator = new EmulatorFactory();
        var writer = emulator.Services.GetRequiredService<SingleWriter>();
        var inbox = emulator.Inbox();

        // Hold the writer so that the next three writes queue up and run as one batch.
        var (holding, release) = await HoldAsync(writer);
        var first = inbox.PutLeadAsync(InboxClient.Lead("batch-1", new { name = "One" }));
        var failing = writer.WriteAsync<int>(async (db, ct) =>
        {
            var chat = await db.StartChatAsync(EmulatorFactory.DevCustomerId, EmulatorFactory.DevBotId, "batch-bad", Channels.Website, ct);
            chat.Name = "Never";
            await db.SaveChangesAsync(ct);
            throw new InvalidOperationException("fails after saving");
        }, default);
        var third = inbox.PutLeadAsync(InboxClient.Lead("batch-3", new { name = "Three" }));
        try
        {
            await WaitUntilQueuedAsync(writer, 3);
        }
        finally
        {
            release.SetResult();
        }

        await holding;
        (await first).ExpectOk();
        (await third).ExpectOk();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("fails after saving", error.Message);
        var uuids = (await inbox.ListChatsAsync()).ExpectOk().Data.Select(c => c!["uuid"]!.GetValue<string>()).ToList();
        // The two PUTs reach the queue in either order; what counts is that both, and only they, were committed.
        Assert.Equal(["batch-1", "batch-3"], uuids.Order());
    }

    [Fact]
    public async Task A_write_still_queued_when_its_caller_gives_up_is_never_run()
    {
        await using var emulator = new EmulatorFactory();
        var writer = emulator.Services.GetRequiredService<SingleWriter>();
        var (holding, release) = await HoldAsync(writer);
        using var giveUp = new CancellationTokenSource();
        var ran = false;
        var dropped = writer.WriteAsync((_, _) => { ran = true; return Task.FromResult(0); }, giveUp.Token);
        await giveUp.CancelAsync();
        release.SetResult();

        await holding;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dropped);
        Assert.False(ran);
    }

    [Fact]
    public async Task The_writes_of_a_batch_reuse_prepared_statements_and_each_stores_its_own_values()
    {
        await using var emulator = new EmulatorFactory();
        var writer = emulator.Services.GetRequiredService<SingleWriter>();
        var inbox = emulator.Inbox();
        (await inbox.PutLeadAsync(InboxClient.Lead("kept-0", new { name = "Zero", tags = new[] { "zero" } }))).ExpectOk();
        var existingId = (await inbox.ListChatsAsync()).ExpectOk().Data.Single()!["_id"]!.GetValue<string>();

        // One batch: new leads and an update of the same shapes, and a write whose first save breaks the primary key with
        // the statement every new chat runs, then runs that statement again.
        var (holding, release) = await HoldAsync(writer);
        var puts = Enumerable.Range(1, 12).Select(i => inbox.PutLeadAsync(InboxClient.Lead($"kept-{i}", new
        {
            name = $"Name {i}",
            email = i % 2 == 0 ? $"n{i}@example.com" : null,
            tags = new[] { $"t{i}" },
            notes = new[] { new { title = $"T{i}", description = $"D{i}" } },
        }))).Append(inbox.PutLeadAsync(InboxClient.Lead("kept-0", new { name = "Zero again", tags = new[] { "again" } }))).ToList();
        var clash = writer.WriteAsync<Exception?>(async (db, ct) =>
        {
            db.RestoreChat(new Chat
            {
                Id = existingId,
                CustomerId = EmulatorFactory.DevCustomerId,
                BotId = EmulatorFactory.DevBotId,
                Uuid = "clash",
                Channel = Channels.Website,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            });
            var error = await Record.ExceptionAsync(() => db.SaveChangesAsync(ct));
            db.ChangeTracker.Clear();
            var chat = await db.StartChatAsync(EmulatorFactory.DevCustomerId, EmulatorFactory.DevBotId, "after-clash", Channels.Website, ct);
            chat.Name = "After clash";
            chat.Email = "after@example.com";
            await db.SaveChangesAsync(ct);
            return error;
        }, default);
        int reused;
        try
        {
            await WaitUntilQueuedAsync(writer, puts.Count + 1);
            var last = writer.WriteAsync((db, _) => Task.FromResult(db.Statements!.Reused), default);
            release.SetResult();
            reused = await last;
        }
        finally
        {
            release.TrySetResult();
        }

        await holding;
        foreach (var put in puts)
        {
            (await put).ExpectOk();
        }

        Assert.Contains("UNIQUE", Assert.IsType<Microsoft.EntityFrameworkCore.DbUpdateException>(await clash).InnerException!.Message);
        var leads = (await inbox.ListChatsAsync()).ExpectOk().Data.ToDictionary(c => c!["uuid"]!.GetValue<string>(), c => c!);
        Assert.Equal(Enumerable.Range(0, 13).Select(i => $"kept-{i}").Append("after-clash").Order(StringComparer.Ordinal),
            leads.Keys.Order(StringComparer.Ordinal));
        static string Name(JsonNode lead) => lead["profile"]!["userDetails"]!["name"]!.GetValue<string>();
        static string Email(JsonNode lead) => lead["profile"]!["userDetails"]!["contact"]!["email"]!.GetValue<string>();
        static string[] Tags(JsonNode lead) => [.. lead["profile"]!["userDetails"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>())];
        Assert.Equal(("After clash", "after@example.com"), (Name(leads["after-clash"]), Email(leads["after-clash"])));
        Assert.Equal("Zero again", Name(leads["kept-0"]));
        Assert.Equal(["again"], Tags(leads["kept-0"]));
        for (var i = 1; i <= 12; i++)
        {
            var lead = leads[$"kept-{i}"];
            Assert.Equal($"Name {i}", Name(lead));
            Assert.Equal(i % 2 == 0 ? $"n{i}@example.com" : "", Email(lead));
            Assert.Equal([$"t{i}"], Tags(lead));
            Assert.Equal($"T{i}", lead["profile"]!["notes"]!.AsArray().Single()!["title"]!.GetValue<string>());
        }

        // Thirteen upserts look their chat up with one statement: it was prepared once for the batch.
        Assert.True(reused >= 12, $"statements reused {reused} times");
    }

    // Runs a write that blocks the writer until released, and returns once it runs (so later writes queue behind it).
    private static async Task<(Task<int> Holding, TaskCompletionSource Release)> HoldAsync(SingleWriter writer)
    {
        var running = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var holding = writer.WriteAsync(async (_, _) =>
        {
            running.SetResult();
            await release.Task;
            return 0;
        }, default);
        await running.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return (holding, release);
    }

    // The lead PUTs reach the queue through HTTP: wait (not sleep) until the writer holds them.
    private static async Task WaitUntilQueuedAsync(SingleWriter writer, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (writer.Queued < count)
        {
            await Task.Delay(1, timeout.Token);
        }
    }
}
