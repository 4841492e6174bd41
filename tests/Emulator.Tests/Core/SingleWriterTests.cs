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
