using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Core;

/// <summary>Contact search runs on contexts that hold their connection open and their statements prepared across requests
/// (README, "Performance"): what they answer must be what a fresh connection would.</summary>
public sealed class ReadContextTests
{
    [Fact]
    public async Task Searches_on_kept_connections_see_every_write_committed_before_them()
    {
        await using var emulator = new EmulatorFactory();
        var inbox = emulator.Inbox();
        for (var i = 1; i <= 6; i++)
        {
            (await inbox.PutLeadAsync(InboxClient.Lead($"fresh-{i}", new { name = $"Fresh {i}", tags = new[] { "fresh" } }))).ExpectOk();

            // More searches at once than contexts are kept idle, so that some run on new ones and some on kept ones.
            var searches = Enumerable.Range(0, 40).Select(n => n % 2 == 0
                ? inbox.SearchAsync(new { tags = new[] { "fresh" }, page = 1 })
                : inbox.SearchAsync(new { searchText = $"Fresh {i}", page = 1 }));
            foreach (var (reply, n) in (await Task.WhenAll(searches)).Select((r, n) => (r, n)))
            {
                var uuids = reply.ExpectOk().Data.Select(c => c!["uuid"]!.GetValue<string>()).ToList();
                Assert.Equal(n % 2 == 0 ? Enumerable.Range(1, i).Reverse().Select(k => $"fresh-{k}") : [$"fresh-{i}"], uuids);
            }
        }
    }
}
