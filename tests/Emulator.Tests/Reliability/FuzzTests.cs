using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Reliability;

/// <summary>
/// Thousands of generated hostile requests against the real emulator process. Seeded: CI runs a fixed seed;
/// <c>RELIABILITY_SEED</c> picks another (a failure prints the seed) and <c>RELIABILITY_FUZZ_COUNT</c> runs more.
/// </summary>
[Collection(ReliabilitySuite.Name)]
[Trait("Category", "Reliability")]
public sealed class FuzzTests
{
    private static readonly string[] Leaks = ["Exception", "   at ", "Microsoft.", "System.", EmulatorFactory.DevToken[..40], ReliabilityServer.OtherToken[..40]];

    [Fact]
    public async Task Hostile_requests_get_4xx_in_the_envelope_leak_nothing_and_change_no_data()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("RELIABILITY_SEED"), out var s) ? s : 20261123;
        var count = int.TryParse(Environment.GetEnvironmentVariable("RELIABILITY_FUZZ_COUNT"), out var n) ? n : 3000;
        await using var server = await ReliabilityServer.StartAsync();
        using var client = server.Process.CreateClient();
        await SeedDataAsync(server);
        var before = server.Dump();

        var generator = new HostileRequests(seed);
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < count && failures.Count < 10; i++)
        {
            var hostile = generator.Next();
            using var request = new HttpRequestMessage(new HttpMethod(hostile.Method), hostile.Path);
            if (hostile.Body is not null)
            {
                request.Content = new ByteArrayContent(hostile.Body);
            }

            foreach (var (name, value) in hostile.Headers)
            {
                if (!request.Headers.TryAddWithoutValidation(name, value) && request.Content is not null)
                {
                    request.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }

            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var body = await response.Content.ReadAsStringAsync();
            // Kestrel itself rejects a request broken at the HTTP level (a NUL in the path): a bodiless 400 that closes
            // the connection before the emulator sees it (README, "Reliability").
            var rejectedByServer = status == 400 && body.Length == 0 && response.Headers.ConnectionClose == true;
            if (!rejectedByServer && Problem(hostile, status, body) is { } problem)
            {
                failures.Add($"#{i} {problem}: {hostile} → {status} {body[..Math.Min(body.Length, 300)]}");
            }
        }

        Assert.True(failures.Count == 0, $"seed {seed}:\n{string.Join("\n", failures)}");
        Assert.Equal(before, server.Dump());
        Assert.True(statuses.Keys.Count(k => k >= 400) >= 6, $"seed {seed}: too few kinds of failure: {string.Join(", ", statuses)}");
        Assert.DoesNotContain(server.Process.Output, line => Leaks[^2..].Any(line.Contains));
    }

    /// <summary>What is wrong with an answer, or null.</summary>
    private static string? Problem(HostileRequest hostile, int status, string body)
    {
        if (status >= 500)
        {
            return "server error";
        }

        if (Leaks.FirstOrDefault(body.Contains) is { } leak)
        {
            return $"body holds '{leak[..Math.Min(leak.Length, 12)]}'";
        }

        if (status < 400 || hostile.Method == "HEAD")
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var envelope = root.ValueKind == JsonValueKind.Object
                && root.EnumerateObject().Select(p => p.Name).SequenceEqual(["success", "message", "data", "code"])
                && root.GetProperty("success").ValueKind == JsonValueKind.False
                && root.GetProperty("code").GetInt32() == status
                && root.GetProperty("data").EnumerateArray().All(m => m.ValueKind == JsonValueKind.String);
            return envelope ? null : "not the platform's envelope";
        }
        catch (JsonException)
        {
            return "not JSON";
        }
    }

    /// <summary>Data in both tenants, so that a request that wrongly wrote or deleted would change the dump.</summary>
    private static async Task SeedDataAsync(ReliabilityServer server)
    {
        using var dev = server.Client();
        using var other = server.Client(ReliabilityServer.OtherToken);
        for (var i = 0; i < 5; i++)
        {
            var lead = InboxClient.Lead($"seed-{i}", new { name = $"Seed {i}", email = $"seed{i}@example.com", tags = new[] { "seeded" } });
            Assert.Equal(HttpStatusCode.OK, (await dev.PutAsJsonAsync("/inbox/direct/lead", lead)).StatusCode);
            var theirs = InboxClient.Lead($"other-{i}", new { name = $"Other {i}" }, customerId: ReliabilityServer.OtherCustomerId);
            Assert.Equal(HttpStatusCode.OK, (await other.PutAsJsonAsync("/inbox/direct/lead", theirs)).StatusCode);
        }
    }
}
