using System.Net;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Control;

public sealed class AdminAndResetTests
{
    [Fact]
    public async Task With_an_admin_key_every_control_call_but_health_and_readiness_needs_it()
    {
        await using var emulator = new EmulatorFactory(new Dictionary<string, string?> { ["Emulator:AdminKey"] = "s3cret" });
        var open = emulator.Control();
        Assert.Contains("x-emulator-admin-key", (await open.GetAsync("/_emulator/tenants")).ExpectProblem(HttpStatusCode.Unauthorized)["detail"]!.GetValue<string>());
        (await emulator.Control("wrong").PostAsync("/_emulator/reset")).ExpectProblem(HttpStatusCode.Unauthorized);
        (await emulator.Control("s3cret").GetAsync("/_emulator/tenants")).ExpectOk();
        (await open.GetAsync("/_emulator/health")).ExpectOk();
        (await open.GetAsync("/_emulator/ready")).ExpectOk();

        // The emulated API does not need it.
        (await emulator.Inbox().ListSegmentsAsync()).ExpectOk();
    }

    [Fact]
    public async Task Readiness_is_200_once_start_up_is_done()
    {
        await using var emulator = new EmulatorFactory();
        var ready = (await emulator.Control().GetAsync("/_emulator/ready")).ExpectOk().Json;
        Assert.Equal("Healthy", ready["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reset_of_one_tenant_empties_only_that_tenant_and_keeps_it()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        var (token, customerId, botId) = await control.CreateTenantAsync();
        (await emulator.Inbox(token).PutLeadAsync(InboxClient.Lead("x-1", new { name = "A" }, botId, customerId))).ExpectOk();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("x-1", new { name = "B" }))).ExpectOk();

        Assert.Equal(1, (await control.PostAsync($"/_emulator/reset?customerId={customerId}")).ExpectOk().Json["deletedChats"]!.GetValue<int>());
        Assert.DoesNotContain((await control.GetAsync("/_emulator/requests")).ExpectOk().Array, e => e!["customerId"]?.GetValue<string>() == customerId);
        Assert.Empty((await emulator.Inbox(token).ListChatsAsync(botId: botId, customerId: customerId)).ExpectOk().Data);
        Assert.Single((await emulator.Inbox().ListChatsAsync()).ExpectOk().Data);
    }

    [Fact]
    public async Task A_full_reset_is_a_fresh_start_data_runtime_tenants_journal_and_clock()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        var (token, customerId, botId) = await control.CreateTenantAsync();
        (await emulator.Inbox(token).PutLeadAsync(InboxClient.Lead("y-1", new { name = "A" }, botId, customerId))).ExpectOk();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("y-1", new { name = "B" }))).ExpectOk();
        (await control.PutAsync("/_emulator/clock", new { now = "2020-01-01T00:00:00Z" })).ExpectOk();

        Assert.Equal(2, (await control.PostAsync("/_emulator/reset")).ExpectOk().Json["deletedChats"]!.GetValue<int>());
        Assert.Empty((await emulator.Inbox().ListChatsAsync()).ExpectOk().Data);
        (await emulator.Inbox(token).ListSegmentsAsync()).Expect(HttpStatusCode.Unauthorized);
        Assert.Equal(2, (await control.GetAsync("/_emulator/tenants")).ExpectOk().Array.Count);
        Assert.False((await control.GetAsync("/_emulator/clock")).ExpectOk().Json["pinned"]!.GetValue<bool>());
        var journal = (await control.GetAsync("/_emulator/requests")).ExpectOk().Array;
        Assert.Equal(2, journal.Count); // the two calls made after the reset
    }
}
