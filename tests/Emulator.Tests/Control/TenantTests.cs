using System.Net;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Control;

public sealed class TenantTests
{
    [Fact]
    public async Task A_created_tenant_has_a_platform_shaped_token_that_works_and_sees_only_its_own_chats()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        var created = (await control.PostAsync("/_emulator/tenants")).Expect(HttpStatusCode.Created).Json;
        var customerId = created["customerId"]!.GetValue<string>();
        var token = created["token"]!.GetValue<string>();
        var botId = created["botId"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{24}$", customerId);
        Assert.Matches("^[0-9a-f]{24}$", created["agencyId"]!.GetValue<string>());
        Assert.EndsWith($"_{customerId}_c", token);
        Assert.True(token.Length > 250);
        Assert.Equal(["WEBSITE", "WHATSAPP", "TELEGRAM", "FACEBOOK"], created["bots"]!.AsObject().Select(p => p.Key));
        Assert.Equal(botId, created["bots"]!["WEBSITE"]!.GetValue<string>());

        var mine = emulator.Inbox(token);
        (await mine.PutLeadAsync(InboxClient.Lead("t-1", new { name = "Mine" }, botId, customerId))).ExpectOk();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("t-1", new { name = "Dev" }))).ExpectOk();

        var listed = (await mine.ListChatsAsync(botId: botId, customerId: customerId)).ExpectOk().Data;
        Assert.Equal("Mine", Assert.Single(listed)!["profile"]!["userDetails"]!["name"]!.GetValue<string>());
        Assert.Equal("Dev", Assert.Single((await emulator.Inbox().ListChatsAsync()).ExpectOk().Data)!["profile"]!["userDetails"]!["name"]!.GetValue<string>());
        (await mine.ListChatsAsync()).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Given_values_are_used_and_a_taken_customer_id_or_token_is_a_409_problem()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        var given = new
        {
            customerId = "0123456789abcdef01234567",
            agencyId = "fedcba9876543210fedcba98",
            token = "my-own-token-of-enough-length",
            bots = new Dictionary<string, string> { ["WHATSAPP"] = "wa-bot-1" },
        };
        var created = (await control.PostAsync("/_emulator/tenants", given)).Expect(HttpStatusCode.Created).Json;
        Assert.Equal(given.customerId, created["customerId"]!.GetValue<string>());
        Assert.Equal(given.agencyId, created["agencyId"]!.GetValue<string>());
        Assert.Equal(given.token, created["token"]!.GetValue<string>());
        Assert.Equal("wa-bot-1", created["bots"]!["WHATSAPP"]!.GetValue<string>());

        (await control.PostAsync("/_emulator/tenants", new { customerId = given.customerId })).ExpectProblem(HttpStatusCode.Conflict);
        (await control.PostAsync("/_emulator/tenants", new { token = given.token })).ExpectProblem(HttpStatusCode.Conflict);
        (await control.PostAsync("/_emulator/tenants", new { customerId = EmulatorFactory.DevCustomerId })).ExpectProblem(HttpStatusCode.Conflict);
        (await control.PostAsync("/_emulator/tenants", new { token = EmulatorFactory.DevToken })).ExpectProblem(HttpStatusCode.Conflict);

        var invalid = (await control.PostAsync("/_emulator/tenants", new { customerId = "XYZ", token = "short", bots = new Dictionary<string, string> { ["SMS"] = "x" } }))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Equal(["bots[0]", "customerId", "token"], invalid["errors"]!.AsObject().Select(p => p.Key).Order());
    }

    [Fact]
    public async Task The_list_shows_the_development_configured_and_runtime_tenants()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        var (_, customerId, _) = await control.CreateTenantAsync();
        var listed = (await control.GetAsync("/_emulator/tenants")).ExpectOk().Array;
        Assert.Equal(
            [$"{EmulatorFactory.DevCustomerId}:development", $"{EmulatorFactory.OtherCustomerId}:configured", $"{customerId}:runtime"],
            listed.Select(t => $"{t!["customerId"]}:{t["source"]}"));
    }

    [Fact]
    public async Task Deleting_a_tenant_removes_its_data_and_its_token_but_configured_tenants_cannot_be_deleted()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        var (token, customerId, botId) = await control.CreateTenantAsync();
        (await emulator.Inbox(token).PutLeadAsync(InboxClient.Lead("d-1", new { name = "Gone" }, botId, customerId))).ExpectOk();

        (await control.DeleteAsync($"/_emulator/tenants/{customerId}")).Expect(HttpStatusCode.NoContent);
        (await emulator.Inbox(token).ListChatsAsync(botId: botId, customerId: customerId)).Expect(HttpStatusCode.Unauthorized);
        (await control.DeleteAsync($"/_emulator/tenants/{customerId}")).ExpectProblem(HttpStatusCode.NotFound);
        (await control.DeleteAsync($"/_emulator/tenants/{EmulatorFactory.DevCustomerId}")).ExpectProblem(HttpStatusCode.Conflict);

        // Created again with the same id: nothing of the old data is left.
        var again = (await control.PostAsync("/_emulator/tenants", new { customerId, token })).Expect(HttpStatusCode.Created);
        Assert.Empty((await emulator.Inbox(token).ListChatsAsync(botId: botId, customerId: customerId)).ExpectOk().Data);
    }

    [Fact]
    public async Task A_runtime_tenant_survives_a_restart()
    {
        var path = EmulatorFactory.NewDatabasePath();
        string token, customerId, botId;
        await using (var first = new EmulatorFactory(databasePath: path))
        {
            (token, customerId, botId) = await first.Control().CreateTenantAsync();
            (await first.Inbox(token).PutLeadAsync(InboxClient.Lead("r-1", new { name = "Kept" }, botId, customerId))).ExpectOk();
        }

        await using var second = new EmulatorFactory(databasePath: path);
        var listed = (await second.Inbox(token).ListChatsAsync(botId: botId, customerId: customerId)).ExpectOk().Data;
        Assert.Equal("Kept", Assert.Single(listed)!["profile"]!["userDetails"]!["name"]!.GetValue<string>());
        File.Delete(path);
    }

    [Fact]
    public async Task A_start_whose_settings_give_a_stored_runtime_tenants_token_to_another_tenant_fails_with_a_clear_message()
    {
        var path = EmulatorFactory.NewDatabasePath();
        string token;
        await using (var first = new EmulatorFactory(databasePath: path))
        {
            (token, _, _) = await first.Control().CreateTenantAsync();
        }

        await using var second = new EmulatorFactory(new Dictionary<string, string?>
        {
            ["Emulator:Tenants:1:Token"] = token,
            ["Emulator:Tenants:1:CustomerId"] = "bbbbbbbbbbbbbbbbbbbbbbbb",
        }, databasePath: path);
        var error = Assert.ThrowsAny<Exception>(() => second.CreateClient());
        Assert.Contains("has the token, customer id or WhatsApp apiKey of a configured tenant", error.ToString());
        File.Delete(path);
    }

    [Fact]
    public async Task Many_tests_in_parallel_on_one_emulator_each_in_its_own_tenant_see_only_their_own_data()
    {
        await using var emulator = new EmulatorFactory();
        _ = emulator.Server; // WebApplicationFactory starts its server lazily, and not thread-safely
        await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, 16), async (n, _) =>
        {
            var (token, customerId, botId) = await emulator.Control().CreateTenantAsync();
            var inbox = emulator.Inbox(token);
            for (var i = 0; i < 5; i++)
            {
                (await inbox.PutLeadAsync(InboxClient.Lead($"p-{i}", new { name = $"t{n}-{i}" }, botId, customerId))).ExpectOk();
            }

            var names = (await inbox.ListChatsAsync(botId: botId, customerId: customerId)).ExpectOk().Data
                .Select(c => c!["profile"]!["userDetails"]!["name"]!.GetValue<string>()).Order().ToList();
            Assert.Equal(Enumerable.Range(0, 5).Select(i => $"t{n}-{i}"), names);
        });
    }
}
