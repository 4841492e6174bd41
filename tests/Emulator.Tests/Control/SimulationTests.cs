using System.Net;
using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Control;

public sealed class SimulationTests
{
    [Fact]
    public async Task A_visitor_on_each_channel_gets_that_channels_id_and_shows_up_under_its_bot_filter()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        var (token, customerId, _) = await control.CreateTenantAsync();
        var ids = new Dictionary<string, string>();
        foreach (var channel in new[] { "WEBSITE", "WHATSAPP", "TELEGRAM", "FACEBOOK" })
        {
            var opened = (await control.PostAsync("/_emulator/visitors", new { customerId, botId = $"bot-{channel}", channel }))
                .Expect(HttpStatusCode.Created).Json;
            Assert.Equal(channel, opened["channel"]!.GetValue<string>());
            ids[channel] = opened["_id"]!.GetValue<string>();
        }

        var inbox = emulator.Inbox(token);
        async Task<JsonNode> OnlyAsync(object filter) =>
            Assert.Single((await inbox.SearchAsync(filter)).ExpectOk().Data)!;
        var whatsapp = await OnlyAsync(new { page = 1, _botWhatsapp = new[] { "bot-WHATSAPP" } });
        Assert.Equal(ids["WHATSAPP"], whatsapp["_id"]!.GetValue<string>());
        Assert.Matches("^91[0-9]{10}$", whatsapp["profile"]!["userDetails"]!["whatsAppNumber"]!.GetValue<string>());
        Assert.StartsWith("visitor_", (await OnlyAsync(new { page = 1, _botTelegram = new[] { "bot-TELEGRAM" } }))["profile"]!["userDetails"]!["telegramUserName"]!.GetValue<string>());
        Assert.Matches("^[0-9]{16}$", (await OnlyAsync(new { page = 1, _botFacebook = new[] { "bot-FACEBOOK" } }))["profile"]!["userDetails"]!["facebookProfileId"]!.GetValue<string>());
        var website = await OnlyAsync(new { page = 1, _botWebsite = new[] { "bot-WEBSITE" } });
        Assert.True(website["isOnline"]!.GetValue<bool>());
        Assert.Equal(1, website["websiteVisits"]!.GetValue<int>());
    }

    [Fact]
    public async Task Visitors_need_a_known_tenant_and_a_free_uuid()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        (await control.PostAsync("/_emulator/visitors", new { customerId = "nobody", botId = "b" })).ExpectProblem(HttpStatusCode.NotFound);
        (await control.PostAsync("/_emulator/visitors", new { customerId = EmulatorFactory.DevCustomerId, botId = "b", uuid = "u" })).Expect(HttpStatusCode.Created);
        (await control.PostAsync("/_emulator/visitors", new { customerId = EmulatorFactory.DevCustomerId, botId = "b", uuid = "u" })).ExpectProblem(HttpStatusCode.Conflict);
        var invalid = (await control.PostAsync("/_emulator/visitors", new { customerId = EmulatorFactory.DevCustomerId, channel = "SMS", email = "x" }))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Equal(["botId", "channel", "email"], invalid["errors"]!.AsObject().Select(p => p.Key).Order());
    }

    [Fact]
    public async Task Messages_set_lastMessage_and_a_visitors_message_marks_interaction_and_unread_until_an_agent_replies()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        var id = (await control.PostAsync("/_emulator/visitors", new { customerId = EmulatorFactory.DevCustomerId, botId = EmulatorFactory.DevBotId, name = "Vera" }))
            .Expect(HttpStatusCode.Created).Json["_id"]!.GetValue<string>();
        (await control.PostAsync($"/_emulator/chats/{id}/messages", new { by = "user", text = "hi", at = "2024-05-01T08:00:00.000Z" })).ExpectOk();
        var afterUser = (await control.PostAsync($"/_emulator/chats/{id}/messages", new { by = "user", text = "anyone?", at = "2024-05-01T08:01:00.000Z" })).ExpectOk().Json;
        Assert.Equal(2, afterUser["unreadMessages"]!.GetValue<int>());
        Assert.True(afterUser["userInteracted"]!.GetValue<bool>());
        Assert.Equal("2024-05-01T08:01:00.000Z", afterUser["lastSeenAt"]!.GetValue<string>());

        (await control.PostAsync($"/_emulator/chats/{id}/messages", new { by = "agent", text = "here" })).ExpectOk();
        var contact = Assert.Single(await emulator.Inbox().AllContactsAsync())!;
        Assert.Equal("agent", contact["lastMessage"]!["by"]!.GetValue<string>());
        Assert.Equal("here", contact["lastMessage"]!["text"]!.GetValue<string>());
        Assert.Equal(0, contact["unreadMessages"]!.GetValue<int>());

        (await control.PostAsync("/_emulator/chats/000000000000000000000000/messages", new { by = "user", text = "x" })).ExpectProblem(HttpStatusCode.NotFound);
        (await control.PostAsync($"/_emulator/chats/{id}/messages", new { by = "robot", text = "" })).ExpectProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Segments_can_be_created_filled_emptied_and_deleted_and_the_inbox_follows()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        var a = (await control.PostAsync("/_emulator/visitors", new { customerId = EmulatorFactory.DevCustomerId, botId = "b", name = "A" })).Expect(HttpStatusCode.Created).Json["_id"]!.GetValue<string>();
        var b = (await control.PostAsync("/_emulator/visitors", new { customerId = EmulatorFactory.DevCustomerId, botId = "b", name = "B" })).Expect(HttpStatusCode.Created).Json["_id"]!.GetValue<string>();
        var segment = (await control.PostAsync("/_emulator/segments", new { customerId = EmulatorFactory.DevCustomerId, name = "Hot", members = new[] { a } }))
            .Expect(HttpStatusCode.Created).Json;
        var id = segment["_id"]!.GetValue<string>();
        Assert.Equal([a], segment["members"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal("Hot", Assert.Single((await emulator.Inbox().ListSegmentsAsync()).ExpectOk().Data)!["name"]!.GetValue<string>());

        async Task<List<string>> InSegmentAsync() =>
            (await emulator.Inbox().SearchAsync(new { page = 1, segments = new[] { id } })).ExpectOk().Data.Select(c => c!["_id"]!.GetValue<string>()).Order().ToList();
        Assert.Equal([a], await InSegmentAsync());

        (await control.PostAsync($"/_emulator/segments/{id}/members", new { add = new[] { b }, remove = new[] { a } })).ExpectOk();
        Assert.Equal([b], await InSegmentAsync());
        (await control.PostAsync($"/_emulator/segments/{id}/members", new { add = new[] { "000000000000000000000000" } })).ExpectProblem(HttpStatusCode.NotFound);
        Assert.Single((await control.GetAsync($"/_emulator/segments?customerId={EmulatorFactory.DevCustomerId}")).ExpectOk().Array);

        (await control.DeleteAsync($"/_emulator/segments/{id}")).Expect(HttpStatusCode.NoContent);
        Assert.Empty((await emulator.Inbox().ListSegmentsAsync()).ExpectOk().Data);
        Assert.Empty(await InSegmentAsync());
        Assert.All(await emulator.Inbox().AllContactsAsync(), c => Assert.Empty(c["segments"]!.AsArray()));
    }
}
