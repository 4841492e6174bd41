using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Emulator.Tests.Reliability;

/// <summary>Every endpoint probed with another tenant's customerId, contact ids and segment ids.</summary>
[Collection(ReliabilitySuite.Name)]
[Trait("Category", "Reliability")]
public sealed class IsolationTests
{
    private const string VictimSegment = "5f5f5f5f5f5f5f5f5f5f5f5f";

    [Fact]
    public async Task A_tenant_never_reads_or_writes_another_tenants_data_through_any_endpoint()
    {
        await using var server = await ReliabilityServer.StartAsync();
        using var victim = server.Client();
        using var intruder = server.Client(ReliabilityServer.OtherToken);
        var lead = InboxClient.Lead("victim-1", new { name = "Victim", email = "victim@example.com", phone = "9876543210", dialCode = "+91", tags = new[] { "vip" } });
        Assert.Equal(HttpStatusCode.OK, (await victim.PutAsJsonAsync("/inbox/direct/lead", lead)).StatusCode);
        AddSegment(server, VictimSegment, EmulatorFactory.DevCustomerId);
        var victimContact = (await (await victim.PostAsJsonAsync("/inbox/users", new { page = 1 })).Content.ReadFromJsonAsync<JsonObject>())!["data"]![0]!;
        var victimId = victimContact["_id"]!.GetValue<string>();
        var before = VictimRows(server);

        var probes = new (string Name, Func<Task<HttpResponseMessage>> Send, HttpStatusCode Expected)[]
        {
            ("lead PUT with the victim's customerId", () => intruder.PutAsJsonAsync("/inbox/direct/lead", InboxClient.Lead("victim-1", new { name = "Owned" })), HttpStatusCode.Forbidden),
            ("chats of the victim", () => intruder.GetAsync($"/inbox/direct/chats?botId={EmulatorFactory.DevBotId}&customerId={EmulatorFactory.DevCustomerId}&page=1&type=lead"), HttpStatusCode.Forbidden),
            ("update of the victim's contact", () => intruder.PutAsJsonAsync($"/inbox/users/{victimId}", new { status = "CLOSED", profile = new { userDetails = new { name = "Owned" } } }), HttpStatusCode.NotFound),
            ("whole victim contact PUT back", () => intruder.PutAsJsonAsync($"/inbox/users/{victimId}", victimContact), HttpStatusCode.NotFound),
            ("delete of the victim's contact", () => intruder.PutAsJsonAsync("/inbox/users/status-update", new { ids = new[] { victimId }, status = "DELETED" }), HttpStatusCode.NotFound),
            ("victim token under a wrong header", () => SendWithHeader(server, "x-bot-token", EmulatorFactory.DevToken, "/inbox/users"), HttpStatusCode.Unauthorized),
        };
        foreach (var (name, send, expected) in probes)
        {
            using var reply = await send();
            Assert.True(expected == reply.StatusCode, $"{name}: {(int)reply.StatusCode} {await reply.Content.ReadAsStringAsync()}");
        }

        // Reads scoped to the intruder's own account find nothing of the victim's, whatever the filter names.
        foreach (var filter in new object[]
        {
            new { searchText = "victim" }, new { segments = new[] { VictimSegment } }, new { tags = new[] { "vip" } },
            new { _botWebsite = new[] { EmulatorFactory.DevBotId } }, new { page = 1 },
        })
        {
            var found = await (await intruder.PostAsJsonAsync("/inbox/users", filter)).Content.ReadFromJsonAsync<JsonObject>();
            Assert.Empty(found!["data"]!.AsArray());
        }

        var segments = await intruder.GetFromJsonAsync<JsonObject>("/inbox/segments");
        Assert.Empty(segments!["data"]!.AsArray());

        // An import by the intruder with the victim's email creates the intruder's own contact.
        var import = await intruder.PostAsJsonAsync("/inbox/users/import", new[] { InboxClient.ImportItem("Mine", email: "victim@example.com") });
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);

        Assert.Equal(before, VictimRows(server));
    }

    private static async Task<HttpResponseMessage> SendWithHeader(ReliabilityServer server, string header, string token, string path)
    {
        using var client = server.Process.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { page = 1 }) };
        request.Headers.Add(header, token);
        return await client.SendAsync(request);
    }

    private static void AddSegment(ReliabilityServer server, string id, string customerId)
    {
        using var connection = new SqliteConnection($"Data Source={server.DatabasePath};Pooling=False");
        connection.Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO Segments (Id, CustomerId, Name, CreatedAt, UpdatedAt) VALUES ($id, $customer, 'VIP', 1700000000000, 1700000000000)";
        insert.Parameters.AddWithValue("$id", id);
        insert.Parameters.AddWithValue("$customer", customerId);
        insert.ExecuteNonQuery();
    }

    private static string VictimRows(ReliabilityServer server) =>
        string.Join('\n', server.Dump().Split('\n').Where(line => line.Contains(EmulatorFactory.DevCustomerId)));
}
