using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;

namespace Emulator.Benchmarks;

/// <summary>The scenarios of the benchmark, and how the database is filled for them.</summary>
public static class Scenarios
{
    private static readonly Dictionary<string, string> Bearer = new()
    {
        ["Authorization"] = $"Bearer {DevelopmentTenant.Token}",
        ["authtype"] = "Key",
        ["Content-Type"] = "application/json",
    };

    /// <summary>The help page's sample body of <c>POST /inbox/users</c>.</summary>
    public const string DocSample =
        """{"searchText":"","tags":[],"status":[],"isOnline":false,"_botWebsite":[],"_botWhatsapp":[],"_botTelegram":[],"_botFacebook":[],"_agentAssigned":[],"segments":[],"applicableFilters":["userInteracted"],"lastSeenAt":{"startAt":"","endsAt":""},"createdAt":{"startAt":"","endsAt":""},"userInteracted":true,"lastMessageBy":[],"isLiveChatActive":false,"hasOrdered":{"status":false,"lastAt":""},"page":1,"isExport":"none","isContact":true}""";

    /// <summary>Every scenario, for a database of <paramref name="chats"/> chats.</summary>
    public static IReadOnlyList<Scenario> All(string chatsPath, int chats)
    {
        var lead = $$$"""string.format('{"uuid":"%s","botId":"{{{DevelopmentTenant.BotId}}}","customerId":"{{{DevelopmentTenant.CustomerId}}}","name":"Bench","email":"bench@example.com","notes":[{"title":"t","description":"d"}]}', """;
        // Updates carry no note: a chat keeps at most 1,000.
        var update = $$$"""string.format('{"uuid":"%s","botId":"{{{DevelopmentTenant.BotId}}}","customerId":"{{{DevelopmentTenant.CustomerId}}}","name":"Bench %d","email":"bench@example.com","tags":["a","b"]}', """;
        var chatsHeaders = new Dictionary<string, string> { ["x-bot-token"] = DevelopmentTenant.Token };
        var leadHeaders = new Dictionary<string, string> { ["x-bp-token"] = DevelopmentTenant.Token, ["Content-Type"] = "application/json" };
        return
        [
            new("chats page 1", "GET", chatsPath + "1", chatsHeaders, null),
            new($"chats page {Math.Max(1, chats / 20 / 2)}", "GET", chatsPath + Math.Max(1, chats / 20 / 2), chatsHeaders, null),
            new("lead PUT, new uuid", "PUT", "/inbox/direct/lead", leadHeaders, lead + "'new-' .. run .. '-' .. n)"),
            new("lead PUT, same 100 uuids", "PUT", "/inbox/direct/lead", leadHeaders, update + "'upd-' .. (n % 100), n)"),
            new("users: doc sample", "POST", "/inbox/users", Bearer, Lua(DocSample)),
            new("users: searchText", "POST", "/inbox/users", Bearer, Lua("""{"searchText":"fill-4242@","page":1}""")),
            new("users: tags + status", "POST", "/inbox/users", Bearer, Lua("""{"tags":["vip"],"status":["OPEN"],"page":1}""")),
        ];
    }

    /// <summary>p50 of chats page 1 and of the contact searches (doc sample, searchText, tags + status), in ms (short runs).</summary>
    public static async Task<Dictionary<string, double>> LatenciesAsync(Uri server, string chatsPath, BenchmarkOptions options, string runId)
    {
        var all = All(chatsPath, options.Chats);
        var result = new Dictionary<string, double>();
        foreach (var scenario in new[] { all[0], all[4], all[5], all[6] })
        {
            result[scenario.Name] = (await Wrk.RunAsync(server, scenario, options.Duration, runId + "g")).P50Ms;
        }

        return result;
    }

    private static string Lua(string json) => "'" + json.Replace("'", "\\'") + "'";
}

/// <summary>Fills the database and measures cold starts.</summary>
public static class Fill
{
    /// <summary>Imports <paramref name="count"/> contacts for the development bot, numbered from <paramref name="from"/>
    /// (every tenth tagged "vip"), 1,000 per request; returns the seconds it took.</summary>
    public static async Task<double> ImportAsync(Uri server, int from, int count)
    {
        using var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Add("Authorization", $"Bearer {DevelopmentTenant.Token}");
        var clock = Stopwatch.StartNew();
        for (var start = from; start < from + count; start += 1000)
        {
            var items = Enumerable.Range(start, Math.Min(1000, from + count - start)).Select(i => new
            {
                profile = new { userDetails = new { userProvidedName = $"Fill {i}", contact = new { email = $"fill-{i}@example.com" }, tags = i % 10 == 0 ? new[] { "vip" } : [] } },
            });
            using var response = await client.PostAsJsonAsync($"/inbox/users/import?botId={DevelopmentTenant.BotId}", items);
            response.EnsureSuccessStatusCode();
        }

        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>A GET with the development token in <c>x-bot-token</c>.</summary>
    public static HttpRequestMessage Get(Uri server, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server, path));
        request.Headers.Add("x-bot-token", DevelopmentTenant.Token);
        return request;
    }

    /// <summary>The median of <paramref name="times"/> cold starts (process start to first 200), in ms.</summary>
    public static async Task<double> MedianColdStartAsync(string dll, string probe, IDictionary<string, string> environment, int times)
    {
        var samples = new List<double>();
        for (var i = 0; i < times; i++)
        {
            await using var server = await ServerProcess.StartAsync(dll, probe, environment);
            samples.Add(server.ColdStart.TotalMilliseconds);
        }

        samples.Sort();
        return samples[samples.Count / 2];
    }
}
