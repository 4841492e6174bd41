using System.Net;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Control.Parallel;

public sealed class FaultSuite
{
    [Fact]
    public async Task A_fault_scoped_to_a_tenant_hits_that_tenant_only_and_its_client_recovers_on_retry()
    {
        var (token, customerId, botId) = await SharedEmulator.NewTenantAsync();
        var control = SharedEmulator.Emulator.Control();
        (await control.PostAsync("/_emulator/faults", new { customerId, status = 503, retryAfterSeconds = 1, times = 2 })).Expect(HttpStatusCode.Created);

        // A retrying client: three tries, the first two get the injected 503.
        var inbox = SharedEmulator.Emulator.Inbox(token);
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3 && statuses.LastOrDefault() != HttpStatusCode.OK; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, "/inbox/direct/lead")
            {
                Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(InboxClient.Lead("retry", new { name = "R" }, botId, customerId)),
                    System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("x-bp-token", token);
            using var response = await inbox.Http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
        Assert.Single((await inbox.ListChatsAsync(botId: botId, customerId: customerId)).ExpectOk().Data);
    }

    [Fact]
    public Task Pushed_leads_are_listed_for_their_own_tenant_only_while_faults_hit_others() => SharedEmulator.PushAndListAsync("fs", 7);

    [Fact]
    public async Task Resetting_one_tenant_leaves_the_others_running()
    {
        var (token, customerId, botId) = await SharedEmulator.NewTenantAsync();
        var inbox = SharedEmulator.Emulator.Inbox(token);
        (await inbox.PutLeadAsync(InboxClient.Lead("gone", new { name = "G" }, botId, customerId))).ExpectOk();
        (await SharedEmulator.Emulator.Control().PostAsync($"/_emulator/reset?customerId={customerId}")).ExpectOk();
        Assert.Empty((await inbox.ListChatsAsync(botId: botId, customerId: customerId)).ExpectOk().Data);
    }
}
