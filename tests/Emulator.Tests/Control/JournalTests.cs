using System.Net;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Control;

public sealed class JournalTests
{
    [Fact]
    public async Task A_lead_put_is_recorded_with_its_body_answer_tenant_and_duration_and_no_token_value_anywhere()
    {
        await using var emulator = new EmulatorFactory();
        var inbox = emulator.Inbox();
        (await inbox.PutLeadAsync(InboxClient.Lead("journal-1", new { name = "Ada" }))).ExpectOk();
        var reply = await inbox.ListChatsRawAsync($"botId={EmulatorFactory.DevBotId}&customerId={EmulatorFactory.DevCustomerId}&page=1&type=lead&apiKey=secret-query");

        var journal = (await emulator.Control().GetAsync("/_emulator/requests")).ExpectOk();
        var entries = journal.Array;
        Assert.Equal(2, entries.Count);
        var put = entries[0]!;
        Assert.Equal("PUT", put["method"]!.GetValue<string>());
        Assert.Equal("/inbox/direct/lead", put["path"]!.GetValue<string>());
        Assert.Contains("\"Ada\"", put["body"]!.GetValue<string>());
        Assert.Equal(200, put["status"]!.GetValue<int>());
        Assert.Contains("\"success\":true", put["responseBody"]!.GetValue<string>());
        Assert.Equal(EmulatorFactory.DevCustomerId, put["customerId"]!.GetValue<string>());
        Assert.Equal("[redacted]", put["headers"]!["x-bp-token"]!.GetValue<string>());
        Assert.True(put["durationMs"]!.GetValue<double>() > 0);
        Assert.True(entries[1]!["id"]!.GetValue<long>() > put["id"]!.GetValue<long>());
        Assert.Equal(reply.Text, entries[1]!["responseBody"]!.GetValue<string>());
        Assert.Contains("apiKey=%5Bredacted%5D", entries[1]!["query"]!.GetValue<string>());

        Assert.DoesNotContain(EmulatorFactory.DevToken, journal.Text);
        Assert.DoesNotContain("secret-query", journal.Text);
    }

    [Fact]
    public async Task The_control_surface_and_health_are_not_recorded_but_unknown_paths_and_401s_are()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        await control.GetAsync("/_emulator/health");
        await control.GetAsync("/_emulator/tenants");
        var anonymous = emulator.CreateClient();
        await anonymous.GetAsync("/inbox/segments");
        await anonymous.PostAsync("/whatsapp-automation/wa/send-broadcast", null);

        var entries = (await control.GetAsync("/_emulator/requests")).ExpectOk().Array;
        Assert.Equal(["/inbox/segments:401", "/whatsapp-automation/wa/send-broadcast:404"],
            entries.Select(e => $"{e!["path"]}:{e["status"]}"));
        Assert.Null(entries[0]!["customerId"]);
    }

    [Fact]
    public async Task Filters_select_by_method_path_pattern_status_and_tenant_and_delete_clears_one_tenant()
    {
        await using var emulator = new EmulatorFactory();
        var dev = emulator.Inbox();
        var other = emulator.Inbox(EmulatorFactory.OtherToken);
        (await dev.PutLeadAsync(InboxClient.Lead("f-1", new { name = "x" }))).ExpectOk();
        (await dev.PutLeadRawAsync("{")).Expect(HttpStatusCode.BadRequest);
        (await other.ListSegmentsAsync()).ExpectOk();
        var control = emulator.Control();

        Assert.Equal(2, (await control.GetAsync("/_emulator/requests?method=put")).ExpectOk().Array.Count);
        Assert.Single((await control.GetAsync("/_emulator/requests?status=400")).ExpectOk().Array);
        Assert.Single((await control.GetAsync("/_emulator/requests?path=/inbox/seg*")).ExpectOk().Array);
        Assert.Single((await control.GetAsync($"/_emulator/requests?customerId={EmulatorFactory.OtherCustomerId}")).ExpectOk().Array);
        Assert.Empty((await control.GetAsync("/_emulator/requests?path=/inbox")).ExpectOk().Array);

        Assert.Equal(2, (await control.DeleteAsync($"/_emulator/requests?customerId={EmulatorFactory.DevCustomerId}")).ExpectOk().Json["removed"]!.GetValue<int>());
        var left = (await control.GetAsync("/_emulator/requests")).ExpectOk().Array;
        Assert.Equal(EmulatorFactory.OtherCustomerId, Assert.Single(left)!["customerId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Wait_answers_as_soon_as_enough_matching_requests_arrive_and_408_when_they_do_not()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        var waiting = control.GetAsync("/_emulator/requests/wait?method=PUT&count=2&timeoutMs=30000");
        var inbox = emulator.Inbox();
        (await inbox.PutLeadAsync(InboxClient.Lead("w-1"))).ExpectOk();
        Assert.False(waiting.IsCompleted);
        (await inbox.PutLeadAsync(InboxClient.Lead("w-2"))).ExpectOk();
        var found = (await waiting).ExpectOk().Array;
        Assert.Equal(2, found.Count);

        var last = found[1]!["id"]!.GetValue<long>();
        (await control.GetAsync($"/_emulator/requests/wait?afterId={last}&timeoutMs=50")).ExpectProblem(HttpStatusCode.RequestTimeout);
        (await control.GetAsync("/_emulator/requests/wait?timeoutMs=600000")).ExpectProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_journal_keeps_only_its_capacity_dropping_the_oldest()
    {
        await using var emulator = new EmulatorFactory(new Dictionary<string, string?> { ["Emulator:JournalCapacity"] = "2" });
        var inbox = emulator.Inbox();
        foreach (var uuid in new[] { "k-1", "k-2", "k-3" })
        {
            (await inbox.PutLeadAsync(InboxClient.Lead(uuid))).ExpectOk();
        }

        var bodies = (await emulator.Control().GetAsync("/_emulator/requests")).ExpectOk().Array.Select(e => e!["body"]!.GetValue<string>()).ToList();
        Assert.Equal(2, bodies.Count);
        Assert.Contains("k-2", bodies[0]);
        Assert.Contains("k-3", bodies[1]);
    }
}
