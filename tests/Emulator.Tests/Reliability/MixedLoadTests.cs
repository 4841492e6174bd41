using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Emulator.Tests.Reliability;

/// <summary>
/// Every write endpoint at once, for <c>RELIABILITY_LOAD_SECONDS</c> (60 by default), on chats that are tagged, in
/// segments, deleted and brought back: the combinations one endpoint's data sets up for another. No answer may be a 5xx
/// and the emulator may log no error.
/// </summary>
[Collection(ReliabilitySuite.Name)]
[Trait("Category", "Reliability")]
public sealed class MixedLoadTests(ITestOutputHelper output)
{
    private const int Workers = 8;
    private const int Visitors = 40;

    [Fact]
    public async Task A_mixed_load_over_every_write_endpoint_answers_no_5xx_and_logs_no_error()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("RELIABILITY_LOAD_SECONDS"), out var s) ? s : 60;
        await using var server = await ReliabilityServer.StartAsync(new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        });
        using var client = server.Client();
        using var control = server.Process.CreateClient();

        // Tagged leads, a segment holding half of them, a few deleted.
        for (var i = 0; i < Visitors; i++)
        {
            (await client.PutAsJsonAsync("/inbox/direct/lead", InboxClient.Lead($"v{i}",
                new { name = $"Visitor {i}", email = $"v{i}@example.com", tags = new[] { "crm", $"t{i % 3}" } }))).EnsureSuccessStatusCode();
        }

        var ids = await IdsAsync(client);
        var segment = (await (await control.PostAsJsonAsync("/_emulator/segments",
            new { customerId = EmulatorFactory.DevCustomerId, name = "half", members = ids.Where((_, i) => i % 2 == 0) })).Content.ReadFromJsonAsync<JsonObject>())!["_id"]!.GetValue<string>();
        (await client.PutAsJsonAsync("/inbox/users/status-update", new { ids = ids.Take(5), status = "DELETED" })).EnsureSuccessStatusCode();

        var statuses = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                var (name, request) = Next(random, ids, segment);
                using var response = await (name.StartsWith("control", StringComparison.Ordinal) ? control : client).SendAsync(request);
                statuses.AddOrUpdate($"{name} {(int)response.StatusCode}", 1, (_, n) => n + 1);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Enqueue($"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        })));

        var summary = string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}"));
        output.WriteLine($"{statuses.Values.Sum()} requests in {seconds} s: {summary}");
        Assert.True(failures.IsEmpty, $"{failures.Count} answers were 5xx, e.g. {failures.FirstOrDefault()}\n{summary}");
        var errors = server.Process.Output.Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, $"the emulator logged {errors.Count} errors, e.g. {errors.FirstOrDefault()}");
        var succeeded = statuses.Keys.Where(k => k.Split(' ')[1].StartsWith('2')).Select(k => k.Split(' ')[0]).Distinct().Count();
        Assert.True(succeeded == Operations, $"not every operation succeeded at least once: {summary}");
    }

    private const int Operations = 14;

    // One request of a random kind: the Inbox writes (lead, import, contact update, status), the WhatsApp and custom-app
    // writes, the simulation and segment calls of the control surface, and the two listings.
    private static (string Name, HttpRequestMessage Request) Next(Random random, IReadOnlyList<string> ids, string segment)
    {
        var i = random.Next(Visitors);
        var id = ids[random.Next(ids.Count)];
        string[] statuses = ["OPEN", "INPROGRESS", "CLOSED", "DELETED"];
        var status = statuses[random.Next(statuses.Length)];
        var tags = new[] { "crm", $"t{random.Next(3)}", "vip" }.Take(random.Next(4)).ToArray();
        var waKey = Emulator.DevelopmentTenant.WhatsAppApiKey;
        return random.Next(Operations) switch
        {
            0 => ("lead", Json(HttpMethod.Put, "/inbox/direct/lead", InboxClient.Lead($"v{i}", new { tags, notes = new[] { new { title = "n", description = "d" } } }))),
            1 => ("import", Json(HttpMethod.Post, random.Next(2) == 0 ? "/inbox/users/import" : $"/inbox/users/import?botId={EmulatorFactory.DevBotId}",
                new[] { InboxClient.ImportItem($"Visitor {i}", $"v{i}@example.com", tags: tags) })),
            2 => ("update", Json(HttpMethod.Put, $"/inbox/users/{id}", new { profile = new { userDetails = new { tags } }, attributes = new[] { new { key = "plan", value = "pro" } } })),
            3 => ("status", Json(HttpMethod.Put, "/inbox/users/status-update", new { ids = new[] { id, ids[random.Next(ids.Count)] }, status })),
            4 => ("whatsapp", Json(HttpMethod.Post, $"/whatsapp-automation/wa/send-message?apiKey={waKey}",
                new { wa_id = $"9198765432{random.Next(10)}", type = "text", userName = "Ravi", tags, message = new { text = "hi" } })),
            5 => ("attributes", Json(HttpMethod.Put, "/integrations/custom-app/update-user-attributes",
                new { search = $"v{i}@example.com", attributes = new Dictionary<string, string> { ["source"] = "load" } })),
            6 => ("plugin", Json(HttpMethod.Post, "/integrations/custom-app/send-message-to-plugin", new { text = "hello", search = $"v{i}@example.com" })),
            7 => ("control-visitor", Json(HttpMethod.Post, "/_emulator/visitors",
                new { customerId = EmulatorFactory.DevCustomerId, botId = EmulatorFactory.DevBotId, channel = "WHATSAPP", name = "New" })),
            8 => ("control-message", Json(HttpMethod.Post, $"/_emulator/chats/{id}/messages", new { by = random.Next(2) == 0 ? "user" : "agent", text = "hi" })),
            9 => ("control-order", Json(HttpMethod.Post, $"/_emulator/chats/{id}/orders", new { })),
            10 => ("control-state", Json(HttpMethod.Patch, $"/_emulator/chats/{id}", new { tags, status, isOnline = random.Next(2) == 0 })),
            11 => ("control-segment", Json(HttpMethod.Post, $"/_emulator/segments/{segment}/members",
                random.Next(2) == 0 ? (object)new { add = new[] { id } } : new { remove = new[] { id } })),
            12 => ("search", Json(HttpMethod.Post, "/inbox/users", new { tags, segments = new[] { segment }, page = 1 + random.Next(3) })),
            _ => ("chats", new HttpRequestMessage(HttpMethod.Get,
                $"/inbox/direct/chats?botId={EmulatorFactory.DevBotId}&customerId={EmulatorFactory.DevCustomerId}&page=1&type=lead")),
        };
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, object body) => new(method, path) { Content = JsonContent.Create(body) };

    private static async Task<List<string>> IdsAsync(HttpClient client)
    {
        var ids = new List<string>();
        for (var page = 1; ; page++)
        {
            var data = (await (await client.PostAsJsonAsync("/inbox/users", new { page })).Content.ReadFromJsonAsync<JsonObject>())!["data"]!.AsArray();
            if (data.Count == 0)
            {
                return ids;
            }

            ids.AddRange(data.Select(c => c!["_id"]!.GetValue<string>()));
        }
    }
}
