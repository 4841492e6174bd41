using System.Net;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Control;

/// <summary>
/// Every filter of <c>POST /inbox/users</c> can be made to match through the control surface alone: the fixture builds
/// five chats with visitors, messages, state changes, an order, a segment and a pinned clock, each filter matching one.
/// </summary>
public sealed class FilterSimulationTests(FilterSimulationTests.World world) : IClassFixture<FilterSimulationTests.World>
{
    public static TheoryData<string, string, string> Filters => new()
    {
        // name, the filter's JSON members, the chat it must match (A..E)
        { "searchText", """ "searchText": "alpha@" """, "A" },
        { "tags", """ "tags": ["vip"] """, "A" },
        { "status", """ "status": ["INPROGRESS"] """, "A" },
        { "isOnline", """ "isOnline": true """, "D" },
        { "_botWebsite", """ "_botWebsite": ["bot-web"] """, "A" },
        { "_botWhatsapp", """ "_botWhatsapp": ["bot-wa"] """, "B" },
        { "_botTelegram", """ "_botTelegram": ["bot-tg"] """, "C" },
        { "_botFacebook", """ "_botFacebook": ["bot-fb"] """, "D" },
        { "_agentAssigned", """ "_agentAssigned": ["agent-1"] """, "B" },
        { "segments", """ "segments": ["SEGMENT"] """, "C" },
        { "lastSeenAt", """ "lastSeenAt": {"startAt": "2023-05-01T00:00:00.000Z", "endsAt": "2023-07-01T00:00:00.000Z"} """, "C" },
        { "createdAt", """ "createdAt": {"startAt": "", "endsAt": "2022-12-31T00:00:00.000Z"} """, "E" },
        { "userInteracted", """ "userInteracted": true """, "A" },
        { "lastMessageBy", """ "lastMessageBy": ["agent"] """, "B" },
        { "isLiveChatActive", """ "isLiveChatActive": true """, "B" },
        { "isContact", """ "isContact": true """, "A" },
        { "isSubscriber", """ "isSubscriber": false, "applicableFilters": ["isSubscriber"] """, "D" },
        { "hasOrdered.status", """ "hasOrdered": {"status": true, "lastAt": ""} """, "C" },
        { "hasOrdered.lastAt", """ "hasOrdered": {"status": false, "lastAt": "2024-02-01T00:00:00.000Z"} """, "C" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Each_users_filter_matches_the_chat_set_up_for_it_through_the_control_surface(string filter, string members, string expected)
    {
        var body = "{" + members.Replace("SEGMENT", world.SegmentId) + ", \"page\": 1}";
        var matched = (await world.Emulator.Inbox(world.Token).SearchRawAsync(body)).ExpectOk().Data
            .Select(c => world.Names[c!["_id"]!.GetValue<string>()]).ToList();
        Assert.True(matched.SequenceEqual([expected]), $"{filter}: matched [{string.Join(", ", matched)}], expected [{expected}]");
    }

    public sealed class World : IAsyncLifetime
    {
        public EmulatorFactory Emulator { get; } = new();

        public string Token { get; private set; } = "";

        public string SegmentId { get; private set; } = "";

        public Dictionary<string, string> Names { get; } = [];

        public async Task InitializeAsync()
        {
            var control = Emulator.Control();
            (Token, var customerId, _) = await control.CreateTenantAsync();

            async Task<string> VisitorAsync(string name, object body)
            {
                var id = (await control.PostAsync("/_emulator/visitors", body)).Expect(HttpStatusCode.Created).Json["_id"]!.GetValue<string>();
                Names[id] = name;
                (await control.SendRawAsync(HttpMethod.Patch, $"/_emulator/chats/{id}", """{"isOnline": false}""")).ExpectOk();
                return id;
            }

            // E first, under a pinned clock in 2022: the only chat created before 2023.
            (await control.PutAsync("/_emulator/clock", new { now = "2022-06-01T00:00:00.000Z" })).ExpectOk();
            await VisitorAsync("E", new { customerId, botId = "bot-e", channel = "WEBSITE" });
            (await control.DeleteAsync("/_emulator/clock")).ExpectOk();

            var a = await VisitorAsync("A", new { customerId, botId = "bot-web", channel = "WEBSITE", name = "Alpha", email = "alpha@example.com" });
            (await control.PostAsync($"/_emulator/chats/{a}/messages", new { by = "user", text = "hello" })).ExpectOk();
            (await control.SendRawAsync(HttpMethod.Patch, $"/_emulator/chats/{a}", """{"tags": ["vip"], "status": "INPROGRESS"}""")).ExpectOk();

            var b = await VisitorAsync("B", new { customerId, botId = "bot-wa", channel = "WHATSAPP" });
            (await control.SendRawAsync(HttpMethod.Patch, $"/_emulator/chats/{b}", """{"agentAssigned": "agent-1", "isLiveChatActive": true}""")).ExpectOk();
            (await control.PostAsync($"/_emulator/chats/{b}/messages", new { by = "agent", text = "how can I help?" })).ExpectOk();

            var c = await VisitorAsync("C", new { customerId, botId = "bot-tg", channel = "TELEGRAM" });
            (await control.SendRawAsync(HttpMethod.Patch, $"/_emulator/chats/{c}", """{"lastSeenAt": "2023-06-01T00:00:00.000Z"}""")).ExpectOk();
            (await control.PostAsync($"/_emulator/chats/{c}/orders", new { at = "2024-03-01T00:00:00.000Z" })).ExpectOk();
            SegmentId = (await control.PostAsync("/_emulator/segments", new { customerId, name = "Buyers", members = new[] { c } }))
                .Expect(HttpStatusCode.Created).Json["_id"]!.GetValue<string>();

            var d = await VisitorAsync("D", new { customerId, botId = "bot-fb", channel = "FACEBOOK" });
            (await control.SendRawAsync(HttpMethod.Patch, $"/_emulator/chats/{d}", """{"isOnline": true, "isSubscriber": false}""")).ExpectOk();
        }

        public async Task DisposeAsync() => await Emulator.DisposeAsync();
    }
}
