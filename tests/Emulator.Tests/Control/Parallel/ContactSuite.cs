using System.Net;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Control.Parallel;

public sealed class ContactSuite
{
    [Fact]
    public async Task A_seeded_tenant_pages_its_contacts_to_the_empty_page()
    {
        var (token, customerId, botId) = await SharedEmulator.NewTenantAsync();
        var chats = Enumerable.Range(0, 45).Select(i => new { customerId, botId, name = $"c{i}", email = $"c{i}@example.com" }).ToArray();
        (await SharedEmulator.Emulator.Control().PostAsync("/_emulator/seed", new { chats })).ExpectOk();
        Assert.Equal(45, (await SharedEmulator.Emulator.Inbox(token).AllContactsAsync()).Count);
    }

    [Fact]
    public async Task Visitors_of_one_tenant_never_appear_in_another()
    {
        var first = await SharedEmulator.NewTenantAsync();
        var second = await SharedEmulator.NewTenantAsync();
        var control = SharedEmulator.Emulator.Control();
        (await control.PostAsync("/_emulator/visitors", new { customerId = first.CustomerId, botId = first.BotId, name = "Only here" })).Expect(HttpStatusCode.Created);
        Assert.Single(await SharedEmulator.Emulator.Inbox(first.Token).AllContactsAsync());
        Assert.Empty(await SharedEmulator.Emulator.Inbox(second.Token).AllContactsAsync());
    }

    [Fact]
    public Task Pushed_leads_are_listed_for_their_own_tenant_only() => SharedEmulator.PushAndListAsync("cs", 6);
}
