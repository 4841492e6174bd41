using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Emulator.Faults;
using Emulator.Testing;

namespace Integrator.Tests;

public sealed class ResilienceTests(SharedInboxEmulatorFixture fixture) : IClassFixture<SharedInboxEmulatorFixture>
{
    [Fact]
    public async Task A_retrying_client_recovers_from_an_injected_503()
    {
        var tenant = await fixture.CreateTenantAsync();
        await fixture.Emulator.Control.AddFaultAsync(new FaultRequest(
            Method: "PUT", Path: "/inbox/direct/lead", CustomerId: tenant.CustomerId, Status: 503, Message: null, DelayMs: null,
            Drop: null, RetryAfterSeconds: 1, Probability: null, Seed: null, Times: 1));
        using var client = fixture.Emulator.CreateClient(tenant);

        var attempts = new List<HttpStatusCode>();
        HttpResponseMessage response;
        do
        {
            response = await client.PutAsJsonAsync("inbox/direct/lead", new { uuid = "retry", botId = tenant.BotId, customerId = tenant.CustomerId, name = "R" });
            attempts.Add(response.StatusCode);
        }
        while (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempts.Count < 3);

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], attempts);
        var chats = await client.GetFromJsonAsync<JsonElement>(
            $"inbox/direct/chats?botId={tenant.BotId}&customerId={tenant.CustomerId}&page=1&type=lead");
        Assert.Equal(1, chats.GetProperty("data").GetArrayLength());
    }
}
