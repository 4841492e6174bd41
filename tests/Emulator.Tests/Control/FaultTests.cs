using System.Net;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Control;

public sealed class FaultTests
{
    [Fact]
    public async Task A_503_for_the_next_call_answers_in_the_envelope_with_Retry_After_then_the_api_recovers()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        var rule = (await control.PostAsync("/_emulator/faults", new { method = "PUT", path = "/inbox/direct/lead", status = 503, retryAfterSeconds = 2, times = 1 }))
            .Expect(HttpStatusCode.Created).Json;
        var id = rule["id"]!.GetValue<string>();

        using var request = new HttpRequestMessage(HttpMethod.Put, "/inbox/direct/lead")
        {
            Content = JsonContent(InboxClient.Lead("f-1", new { name = "x" })),
        };
        request.Headers.Add("x-bp-token", EmulatorFactory.DevToken);
        using var faulted = await emulator.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), faulted.Headers.RetryAfter!.Delta);
        var envelope = System.Text.Json.Nodes.JsonNode.Parse(await faulted.Content.ReadAsStringAsync())!;
        Assert.False(envelope["success"]!.GetValue<bool>());
        Assert.Equal(503, envelope["code"]!.GetValue<int>());
        Assert.Contains(id, envelope["data"]![0]!.GetValue<string>());

        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("f-1", new { name = "x" }))).ExpectOk();
        Assert.Empty((await control.GetAsync("/_emulator/faults")).ExpectOk().Array);
        Assert.Single((await emulator.Inbox().ListChatsAsync()).ExpectOk().Data);

        var journal = (await control.GetAsync("/_emulator/requests?method=PUT")).ExpectOk().Array;
        Assert.Equal([$"503:{id}", "200:"], journal.Select(e => $"{e!["status"]}:{e["fault"]}"));
    }

    [Fact]
    public async Task A_delay_alone_slows_a_normal_answer_and_a_tenant_rule_leaves_other_tenants_alone()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        (await control.PostAsync("/_emulator/faults", new { customerId = EmulatorFactory.OtherCustomerId, delayMs = 300 })).Expect(HttpStatusCode.Created);
        (await control.PostAsync("/_emulator/faults", new { customerId = EmulatorFactory.OtherCustomerId, status = 500 })).Expect(HttpStatusCode.Created);

        (await emulator.Inbox(EmulatorFactory.OtherToken).ListSegmentsAsync()).ExpectOk();
        (await emulator.Inbox().ListSegmentsAsync()).ExpectOk();

        var journal = (await control.GetAsync("/_emulator/requests")).ExpectOk().Array;
        Assert.Equal("f1", journal[0]!["fault"]!.GetValue<string>());
        Assert.True(journal[0]!["durationMs"]!.GetValue<double>() >= 300);
        Assert.Null(journal[1]!["fault"]);
    }

    [Fact]
    public async Task A_dropped_connection_gives_the_client_no_answer_and_is_journaled_with_status_0()
    {
        await using var emulator = new EmulatorFactory(kestrel: true);
        var control = emulator.Control();
        (await control.PostAsync("/_emulator/faults", new { path = "/inbox/*", drop = true, times = 1 })).Expect(HttpStatusCode.Created);
        var raw = await emulator.SendRawAsync("GET /inbox/segments HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray());
        Assert.Equal("", raw);

        var entry = Assert.Single((await control.GetAsync("/_emulator/requests/wait?count=1")).ExpectOk().Array)!;
        Assert.Equal(0, entry["status"]!.GetValue<int>());
        Assert.Equal("f1", entry["fault"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_seeded_probability_fails_the_same_requests_on_every_run()
    {
        async Task<string> RunAsync()
        {
            await using var emulator = new EmulatorFactory();
            (await emulator.Control().PostAsync("/_emulator/faults", new { status = 502, probability = 0.5, seed = 42 })).Expect(HttpStatusCode.Created);
            var outcomes = "";
            for (var i = 0; i < 24; i++)
            {
                outcomes += await SegmentsStatusAsync(emulator) == HttpStatusCode.OK ? "." : "x";
            }

            return outcomes;
        }

        var first = await RunAsync();
        Assert.Equal(first, await RunAsync());
        Assert.Contains('x', first);
        Assert.Contains('.', first);
    }

    [Fact]
    public async Task Rules_without_one_effect_are_400_problems_and_rules_can_be_listed_and_removed()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        (await control.PostAsync("/_emulator/faults", new { path = "/inbox/*" })).ExpectProblem(HttpStatusCode.BadRequest);
        (await control.PostAsync("/_emulator/faults", new { status = 503, drop = true })).ExpectProblem(HttpStatusCode.BadRequest);
        (await control.PostAsync("/_emulator/faults", new { status = 200 })).ExpectProblem(HttpStatusCode.BadRequest);
        (await control.PostAsync("/_emulator/faults", new { status = 500, probability = 0 })).ExpectProblem(HttpStatusCode.BadRequest);

        (await control.PostAsync("/_emulator/faults", new { status = 500 })).Expect(HttpStatusCode.Created);
        (await control.PostAsync("/_emulator/faults", new { status = 501 })).Expect(HttpStatusCode.Created);
        (await control.DeleteAsync("/_emulator/faults/f1")).Expect(HttpStatusCode.NoContent);
        (await control.DeleteAsync("/_emulator/faults/f1")).ExpectProblem(HttpStatusCode.NotFound);
        Assert.Equal("f2", Assert.Single((await control.GetAsync("/_emulator/faults")).ExpectOk().Array)!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotImplemented, await SegmentsStatusAsync(emulator));
        (await control.DeleteAsync("/_emulator/faults")).Expect(HttpStatusCode.NoContent);
        (await emulator.Inbox().ListSegmentsAsync()).ExpectOk();
    }

    [Fact]
    public async Task Over_the_per_token_rate_limit_is_429_in_the_envelope_with_Retry_After_and_other_tokens_go_on()
    {
        await using var emulator = new EmulatorFactory(new Dictionary<string, string?>
        {
            ["Emulator:RateLimitPermits"] = "2",
            ["Emulator:RateLimitWindowMs"] = "60000",
        });
        var inbox = emulator.Inbox();
        (await inbox.ListSegmentsAsync()).ExpectOk();
        (await inbox.ListSegmentsAsync()).ExpectOk();
        var limited = (await inbox.ListSegmentsAsync()).Expect(HttpStatusCode.TooManyRequests);
        Assert.Equal(429, limited.Json["code"]!.GetValue<int>());
        Assert.False(limited.Json["success"]!.GetValue<bool>());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/inbox/segments");
        request.Headers.Authorization = new("Bearer", EmulatorFactory.DevToken);
        using var response = await inbox.Http.SendAsync(request);
        Assert.InRange(response.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);

        (await emulator.Inbox(EmulatorFactory.OtherToken).ListSegmentsAsync()).ExpectOk();
    }

    // Fault statuses are whatever the rule says, outside the documented contract: read them without the contract check.
    private static async Task<HttpStatusCode> SegmentsStatusAsync(EmulatorFactory emulator)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/inbox/segments");
        request.Headers.Authorization = new("Bearer", EmulatorFactory.DevToken);
        using var response = await emulator.CreateClient().SendAsync(request);
        return response.StatusCode;
    }

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
