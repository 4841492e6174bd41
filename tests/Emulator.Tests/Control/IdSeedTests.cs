using System.Net;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Control;

public sealed class IdSeedTests
{
    [Fact]
    public async Task With_an_id_seed_and_a_pinned_clock_the_same_requests_give_the_same_ids_and_tokens()
    {
        async Task<string> RunAsync(string seed)
        {
            await using var emulator = new EmulatorFactory(new Dictionary<string, string?> { ["Emulator:IdSeed"] = seed });
            var control = emulator.Control();
            (await control.PutAsync("/_emulator/clock", new { now = "2024-01-01T00:00:00.000Z" })).ExpectOk();
            var tenant = (await control.PostAsync("/_emulator/tenants")).Expect(HttpStatusCode.Created).Json;
            var visitor = (await control.PostAsync("/_emulator/visitors", new { customerId = EmulatorFactory.DevCustomerId, botId = "b", channel = "TELEGRAM" }))
                .Expect(HttpStatusCode.Created).Json;
            (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("seeded", new { name = "N", notes = new[] { new { title = "t" } } }))).ExpectOk();
            var lead = (await emulator.Inbox().ListChatsAsync()).ExpectOk().Data[0]!;
            return string.Join("|", tenant["customerId"], tenant["token"], tenant["bots"]!.ToJsonString(), visitor["_id"], visitor["uuid"],
                lead["_id"], lead["profile"]!["notes"]![0]!["_id"]);
        }

        var first = await RunAsync("7");
        Assert.Equal(first, await RunAsync("7"));
        Assert.NotEqual(first, await RunAsync("8"));
    }
}
