using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Emulator.Journal;
using Emulator.Testing;

namespace Integrator.Tests;

/// <summary>What an integrator's CRM sync tests look like against the emulator package.</summary>
public sealed class LeadTests(SharedInboxEmulatorFixture fixture) : IClassFixture<SharedInboxEmulatorFixture>
{
    [Fact]
    public async Task A_pushed_lead_is_seen_by_the_platform_exactly_as_sent()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var client = fixture.Emulator.CreateClient(tenant);
        var lead = new { uuid = "visitor-42", botId = tenant.BotId, customerId = tenant.CustomerId, name = "Ada", email = "ada@example.com" };

        var response = await client.PutAsJsonAsync("inbox/direct/lead", lead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = await fixture.Emulator.Control.WaitForRequestsAsync(
            new JournalQuery { Method = "PUT", Path = "/inbox/direct/lead", CustomerId = tenant.CustomerId });
        var body = JsonDocument.Parse(Assert.Single(received).Body!).RootElement;
        Assert.Equal("Ada", body.GetProperty("name").GetString());
        Assert.Equal("ada@example.com", body.GetProperty("email").GetString());
        Assert.Equal("Bearer [redacted]", received[0].Headers["authorization"]);
    }

    [Fact]
    public async Task Contacts_are_paged_from_1_to_the_first_empty_page_as_real_clients_do()
    {
        var tenant = await fixture.CreateTenantAsync();
        using var client = fixture.Emulator.CreateClient(tenant);
        for (var i = 0; i < 45; i++)
        {
            (await client.PutAsJsonAsync("inbox/direct/lead",
                new { uuid = $"v-{i}", botId = tenant.BotId, customerId = tenant.CustomerId, email = $"c{i}@example.com" })).EnsureSuccessStatusCode();
        }

        var seen = new List<string>();
        for (var page = 1; ; page++)
        {
            var reply = await client.PostAsJsonAsync("inbox/users", new { page, searchText = "", isContact = true });
            var data = (await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data");
            if (data.GetArrayLength() == 0)
            {
                break;
            }

            seen.AddRange(data.EnumerateArray().Select(c => c.GetProperty("_id").GetString()!));
        }

        Assert.Equal(45, seen.Distinct().Count());
    }
}
