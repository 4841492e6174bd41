using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Emulator.Benchmarks;

/// <summary>One inspector page's HTML time, one request at a time as a person browses (ms, request sent to body read).</summary>
/// <param name="Page">What was loaded.</param>
/// <param name="P50Ms">Median, ms.</param>
/// <param name="P95Ms">95th percentile, ms.</param>
public sealed record PageTiming(string Page, double P50Ms, double P95Ms);

/// <summary>
/// The inspector scenario (README, "Inspector"): each page of the inspector over the filled database, and how long a
/// request takes to appear on the live journal's event stream.
/// </summary>
public static class InspectorTimings
{
    private const int Warmup = 5;

    /// <summary>Loads each page <paramref name="samples"/> times; then sends <paramref name="samples"/> lead PUTs, each
    /// timed from just before it is sent to the arrival of its entry on the stream the requests page listens to.</summary>
    public static async Task<(List<PageTiming> Pages, PageTiming Live)> RunAsync(Uri server, int chats, int samples)
    {
        using var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        var customer = DevelopmentTenant.CustomerId;
        var contacts = $"/_emulator/ui/tenants/{customer}/contacts";
        var contactId = await ContactIdAsync(client);

        // A full journal (its default capacity, 1,000 entries), as after a day of testing.
        for (var i = 0; i < 1000; i++)
        {
            using var listing = new HttpRequestMessage(HttpMethod.Get, $"/inbox/direct/chats?botId={DevelopmentTenant.BotId}&customerId={customer}&type=lead&page=1");
            listing.Headers.Add("x-bot-token", DevelopmentTenant.Token);
            (await client.SendAsync(listing)).Dispose();
        }

        var lastRequest = JsonNode.Parse(await client.GetStringAsync("/_emulator/requests"))!.AsArray()[^1]!["id"]!.GetValue<long>();
        var pages = new (string Name, string Path)[]
        {
            ("tenants", "/_emulator/ui"),
            ("contacts, page 1", contacts),
            ($"contacts, page {Math.Max(1, chats / 20 / 2)}", $"{contacts}?page={Math.Max(1, chats / 20 / 2)}"),
            ("contacts, search text", $"{contacts}?searchText=fill-4242%40"),
            ("contacts, tags + status", $"{contacts}?tags=vip&status=OPEN"),
            ("contact", $"{contacts}/{contactId}"),
            ("requests (journal full)", "/_emulator/ui/requests"),
            ("request", $"/_emulator/ui/requests/{lastRequest}"),
            ("whatsapp", $"/_emulator/ui/whatsapp?customerId={customer}"),
            ("webhooks", $"/_emulator/ui/webhooks?customerId={customer}"),
            ("control", "/_emulator/ui/control"),
        };
        var timings = new List<PageTiming>();
        foreach (var (name, path) in pages)
        {
            var times = new List<double>();
            for (var i = 0; i < Warmup + samples; i++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await client.GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
                response.EnsureSuccessStatusCode();
                if (i >= Warmup)
                {
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            timings.Add(Of(name, times));
        }

        return (timings, await LiveAsync(server, samples));
    }

    private static async Task<string> ContactIdAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/inbox/users") { Content = JsonContent.Create(new { searchText = "fill-4242@" }) };
        request.Headers.Add("Authorization", $"Bearer {DevelopmentTenant.Token}");
        using var response = await client.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]![0]!["_id"]!.GetValue<string>();
    }

    private static async Task<PageTiming> LiveAsync(Uri server, int samples)
    {
        using var stream = new HttpClient { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
        using var events = await stream.GetAsync("/_emulator/ui/requests/events?path=%2Finbox%2Fdirect%2Flead", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync());
        using var writer = new HttpClient { BaseAddress = server };
        writer.DefaultRequestHeaders.Add("x-bp-token", DevelopmentTenant.Token);
        var times = new List<double>();
        for (var i = 0; i < Warmup + samples; i++)
        {
            var probe = $"live-{Guid.NewGuid():N}";
            var clock = Stopwatch.StartNew();
            var put = writer.PutAsJsonAsync($"/inbox/direct/lead?probe={probe}",
                new { uuid = probe, botId = DevelopmentTenant.BotId, customerId = DevelopmentTenant.CustomerId, name = "Live" });
            while (await reader.ReadLineAsync() is { } line && !line.Contains(probe, StringComparison.Ordinal))
            {
            }

            var arrived = clock.Elapsed.TotalMilliseconds;
            (await put).Dispose();
            if (i >= Warmup)
            {
                times.Add(arrived);
            }
        }

        return Of("live journal: lead PUT sent to its entry on the stream", times);
    }

    private static PageTiming Of(string name, List<double> times)
    {
        times.Sort();
        return new PageTiming(name, times[times.Count / 2], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)]);
    }
}
