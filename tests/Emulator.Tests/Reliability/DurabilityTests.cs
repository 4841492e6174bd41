using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Reliability;

/// <summary>Hard kills under write load: nothing acknowledged is ever lost, and every restart is clean.</summary>
[Collection(ReliabilitySuite.Name)]
[Trait("Category", "Reliability")]
public sealed class DurabilityTests
{
    [Fact]
    public async Task After_repeated_kill_9_under_write_load_every_acknowledged_write_is_there_and_each_restart_is_clean()
    {
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("RELIABILITY_KILL_ROUNDS"), out var r) ? r : 3;
        await using var server = await ReliabilityServer.StartAsync(new Dictionary<string, string> { ["Emulator__PageSize"] = "500" });
        var acknowledged = new ConcurrentBag<string>();

        for (var round = 0; round < rounds; round++)
        {
            using var stop = new CancellationTokenSource();
            var enough = new TaskCompletionSource();
            var ackedThisRound = 0;
            using var client = server.Client();
            var writers = Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var uuid = $"r{round}-w{writer}-{i}";
                    try
                    {
                        using var reply = await client.PutAsJsonAsync("/inbox/direct/lead",
                            InboxClient.Lead(uuid, new { name = uuid, notes = new[] { new { title = "t", description = "d" } } }), stop.Token);
                        if (reply.StatusCode == HttpStatusCode.OK)
                        {
                            acknowledged.Add(uuid);
                            if (Interlocked.Increment(ref ackedThisRound) >= 100)
                            {
                                enough.TrySetResult();
                            }
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                    {
                        // The process was killed under this request: it was never acknowledged.
                    }
                }
            })).ToList();

            await enough.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await server.KillAndRestartAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);

            var startLines = server.Process.Output.ToList();
            Assert.DoesNotContain(startLines, l => l.StartsWith("warn:") || l.StartsWith("fail:") || l.StartsWith("crit:"));
            using var check = server.Client();
            var listed = (await ConcurrencyTests.AllChatsAsync(check)).Select(c => c["uuid"]!.GetValue<string>()).ToHashSet();
            var lost = acknowledged.Where(uuid => !listed.Contains(uuid)).ToList();
            Assert.True(lost.Count == 0, $"round {round}: {lost.Count} acknowledged writes lost, e.g. {string.Join(", ", lost.Take(5))}");
        }

        Assert.True(acknowledged.Count >= rounds * 100);
    }
}
