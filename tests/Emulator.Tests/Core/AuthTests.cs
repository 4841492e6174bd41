using System.Net;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Core;

public sealed class AuthTests
{
    [Theory]
    [InlineData("x-bp-token")]
    [InlineData(null)]
    public async Task The_lead_PUT_accepts_its_documented_header_and_Bearer(string? header)
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("u-auth", new { name = "A" }), header!)).ExpectOk();
    }

    [Theory]
    [InlineData("x-bot-token")]
    [InlineData(null)]
    public async Task The_chats_GET_accepts_its_documented_header_and_Bearer(string? header)
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Inbox().ListChatsAsync(header: header!)).ExpectOk();
    }

    [Fact]
    public async Task Missing_tokens_get_401_on_every_endpoint()
    {
        await using var emulator = new EmulatorFactory();
        var client = emulator.Inbox();
        var lead = await client.SendAsync(HttpMethod.Put, "/inbox/direct/lead", null, "x-unrelated");
        var chats = await client.ListChatsAsync(header: "x-unrelated");
        var users = await client.SendAsync(HttpMethod.Post, "/inbox/users", null, "x-unrelated");

        foreach (var reply in new[] { lead, chats, users })
        {
            reply.Expect(HttpStatusCode.Unauthorized);
            Assert.Contains("No API token", reply.Messages[0]);
        }
    }

    [Fact]
    public async Task Unknown_tokens_get_401_on_every_endpoint()
    {
        await using var emulator = new EmulatorFactory();
        var client = emulator.Inbox("not-a-token");
        (await client.PutLeadAsync(InboxClient.Lead("u1"))).Expect(HttpStatusCode.Unauthorized);
        (await client.ListChatsAsync()).Expect(HttpStatusCode.Unauthorized);
        (await client.SearchAsync(new { page = 1 })).Expect(HttpStatusCode.Unauthorized);
        (await client.PutLeadAsync(InboxClient.Lead("u1"), header: null!)).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_under_the_other_endpoints_header_gets_a_401_naming_the_expected_header()
    {
        await using var emulator = new EmulatorFactory();
        var client = emulator.Inbox();

        var lead = (await client.PutLeadAsync(InboxClient.Lead("u1"), header: "x-bot-token")).Expect(HttpStatusCode.Unauthorized);
        Assert.Contains("'x-bot-token'", lead.Messages[0]);
        Assert.Contains("'x-bp-token' header", lead.Messages[0]);

        var chats = (await client.ListChatsAsync(header: "x-bp-token")).Expect(HttpStatusCode.Unauthorized);
        Assert.Contains("'x-bp-token'", chats.Messages[0]);
        Assert.Contains("'x-bot-token' header", chats.Messages[0]);
    }

    [Fact]
    public async Task Another_customers_customerId_gets_403_and_nothing_is_written()
    {
        await using var emulator = new EmulatorFactory();
        var intruder = emulator.Inbox(EmulatorFactory.OtherToken);

        (await intruder.PutLeadAsync(InboxClient.Lead("u-403", new { name = "Intruder" }))).Expect(HttpStatusCode.Forbidden);
        (await intruder.ListChatsAsync()).Expect(HttpStatusCode.Forbidden);

        var owner = emulator.Inbox();
        Assert.Empty((await owner.ListChatsAsync()).ExpectOk().Data);
        Assert.Empty((await owner.SearchAsync(new { page = 1 })).ExpectOk().Data);
    }

    [Fact]
    public async Task Contact_search_only_sees_the_tokens_own_customer()
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("mine", new { name = "Mine" }))).ExpectOk();
        (await emulator.Inbox(EmulatorFactory.OtherToken).PutLeadAsync(
            InboxClient.Lead("theirs", new { name = "Theirs" }, customerId: EmulatorFactory.OtherCustomerId))).ExpectOk();

        var mine = (await emulator.Inbox().SearchAsync(new { page = 1 })).ExpectOk().Data;
        var theirs = (await emulator.Inbox(EmulatorFactory.OtherToken).SearchAsync(new { page = 1 })).ExpectOk().Data;

        Assert.Equal("mine", Assert.Single(mine)!["uuid"]!.GetValue<string>());
        Assert.Equal("theirs", Assert.Single(theirs)!["uuid"]!.GetValue<string>());
        Assert.Equal(EmulatorFactory.OtherCustomerId, theirs[0]!["_customer"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_development_tenant_can_be_switched_off()
    {
        await using var emulator = new EmulatorFactory(new Dictionary<string, string?> { ["Emulator:EnableDevelopmentTenant"] = "false" });
        (await emulator.Inbox().ListChatsAsync()).Expect(HttpStatusCode.Unauthorized);
        (await emulator.Inbox(EmulatorFactory.OtherToken).ListChatsAsync(customerId: EmulatorFactory.OtherCustomerId)).ExpectOk();
    }

    [Fact]
    public async Task Browser_preflights_from_any_origin_are_allowed_with_the_token_headers()
    {
        await using var emulator = new EmulatorFactory();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/inbox/direct/lead");
        request.Headers.Add("Origin", "https://crm.example.com");
        request.Headers.Add("Access-Control-Request-Method", "PUT");
        request.Headers.Add("Access-Control-Request-Headers", "x-bp-token,content-type");

        using var response = await emulator.CreateClient().SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-bp-token", response.Headers.GetValues("Access-Control-Allow-Headers").Single());
    }
}
