using System.Net;
using System.Text;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Control;

public sealed class SnapshotTests
{
    [Fact]
    public async Task A_runtime_tenants_token_keeps_working_while_snapshots_are_restored_under_load()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        var (token, _, _) = await control.CreateTenantAsync();
        (await control.PutAsync("/_emulator/snapshots/base")).ExpectOk();

        using var restoring = new CancellationTokenSource();
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        var readers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var inbox = emulator.Inbox(token);
            while (!restoring.IsCancellationRequested)
            {
                statuses.Add((await inbox.ListSegmentsAsync()).Status);
            }
        })).ToArray();
        for (var i = 0; i < 20; i++)
        {
            (await control.PostAsync("/_emulator/snapshots/base/restore")).ExpectOk();
        }

        await restoring.CancelAsync();
        await Task.WhenAll(readers);
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task Restoring_a_snapshot_forgets_the_WhatsApp_sends_and_webhook_deliveries_of_the_data_it_replaced()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        (await control.PutAsync("/_emulator/snapshots/empty")).ExpectOk();
        using var send = await emulator.CreateClient().PostAsync($"/whatsapp-automation/wa/send-message?apiKey={Emulator.DevelopmentTenant.WhatsAppApiKey}",
            new StringContent("""{"wa_id": "919876543210", "type": "text", "message": {"text": "hi"}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, send.StatusCode);
        Assert.Single((await control.GetAsync("/_emulator/whatsapp/outbox")).ExpectOk().Array);

        (await control.PostAsync("/_emulator/snapshots/empty/restore")).ExpectOk();
        Assert.Empty((await control.GetAsync("/_emulator/whatsapp/outbox")).ExpectOk().Array);
        Assert.Empty((await control.GetAsync("/_emulator/webhooks/deliveries")).ExpectOk().Array);

        // The journal records the test run, not the data: it keeps the send.
        Assert.Single((await control.GetAsync("/_emulator/requests?path=/whatsapp-automation/*")).ExpectOk().Array);
    }

    [Fact]
    public async Task Restoring_a_snapshot_brings_back_the_data_and_the_tenants_as_they_were()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        var (keptToken, keptCustomer, keptBot) = await control.CreateTenantAsync();
        (await emulator.Inbox(keptToken).PutLeadAsync(InboxClient.Lead("k-1", new { name = "Kept" }, keptBot, keptCustomer))).ExpectOk();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("d-1", new { name = "Before" }))).ExpectOk();
        var saved = (await control.PutAsync("/_emulator/snapshots/clean")).ExpectOk().Json;
        Assert.Equal("clean", saved["name"]!.GetValue<string>());
        Assert.True(saved["bytes"]!.GetValue<long>() > 0);
        var before = (await emulator.Inbox().ListChatsAsync()).ExpectOk().Text;

        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("d-1", new { name = "After" }))).ExpectOk();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("d-2", new { name = "New" }))).ExpectOk();
        var (laterToken, _, _) = await control.CreateTenantAsync();
        (await control.DeleteAsync($"/_emulator/tenants/{keptCustomer}")).Expect(HttpStatusCode.NoContent);

        (await control.PostAsync("/_emulator/snapshots/clean/restore")).ExpectOk();
        Assert.Equal(before, (await emulator.Inbox().ListChatsAsync()).ExpectOk().Text);
        Assert.Equal("Kept", Assert.Single((await emulator.Inbox(keptToken).ListChatsAsync(botId: keptBot, customerId: keptCustomer)).ExpectOk().Data)!
            ["profile"]!["userDetails"]!["name"]!.GetValue<string>());
        (await emulator.Inbox(laterToken).ListSegmentsAsync()).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Snapshots_are_listed_and_dropped_and_bad_names_or_missing_ones_are_problems()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        (await control.PutAsync("/_emulator/snapshots/b")).ExpectOk();
        (await control.PutAsync("/_emulator/snapshots/a.1")).ExpectOk();
        Assert.Equal(["a.1", "b"], (await control.GetAsync("/_emulator/snapshots")).ExpectOk().Array.Select(s => s!["name"]!.GetValue<string>()));
        (await control.DeleteAsync("/_emulator/snapshots/b")).Expect(HttpStatusCode.NoContent);
        (await control.DeleteAsync("/_emulator/snapshots/b")).ExpectProblem(HttpStatusCode.NotFound);
        (await control.PostAsync("/_emulator/snapshots/b/restore")).ExpectProblem(HttpStatusCode.NotFound);
        (await control.PutAsync("/_emulator/snapshots/..evil")).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Single((await control.GetAsync("/_emulator/snapshots")).ExpectOk().Array);
    }

    [Fact]
    public async Task Restores_while_clients_read_and_write_break_no_request()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("base", new { name = "Base" }))).ExpectOk();
        (await control.PutAsync("/_emulator/snapshots/base")).ExpectOk();

        using var stop = new CancellationTokenSource();
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        var clients = Enumerable.Range(0, 4).Select(n => Task.Run(async () =>
        {
            var inbox = emulator.Inbox();
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                statuses.Add((await inbox.PutLeadAsync(InboxClient.Lead($"c{n}-{i}", new { name = "x" }))).Status);
                statuses.Add((await inbox.ListChatsAsync()).Status);
            }
        })).ToList();

        for (var i = 0; i < 5; i++)
        {
            (await control.PostAsync("/_emulator/snapshots/base/restore")).ExpectOk();
        }

        await stop.CancelAsync();
        await Task.WhenAll(clients);
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }
}
