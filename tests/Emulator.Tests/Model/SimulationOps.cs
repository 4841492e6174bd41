using System.Text.Json.Nodes;

namespace Emulator.Tests.Model;

/// <summary><c>POST /_emulator/visitors</c>: a visitor opens a bot on a channel (online, seen now, the channel's own id);
/// 409 when the bot already has a chat with that uuid.</summary>
public sealed record OpenVisitor(int Tenant, int Bot, string Channel, int Uuid, string? Name, string? Email, string? Phone) : Op
{
    public override async Task RunAsync(ModelDriver d)
    {
        var bot = Bot == ModelDriver.Bots.Length ? ModelDriver.WhatsAppBot : ModelDriver.Bots[Bot];
        var uuid = $"visitor-{Uuid}";
        var body = new JsonObject { ["customerId"] = ModelDriver.CustomerIds[Tenant], ["botId"] = bot, ["channel"] = Channel, ["uuid"] = uuid };
        Put(body, "name", Name);
        Put(body, "email", Email);
        Put(body, "phone", Phone);
        var handle = Channel switch { "WHATSAPP" => "whatsAppNumber", "TELEGRAM" => "telegramUserName", "FACEBOOK" => "facebookProfileId", _ => null };
        var handleValue = Channel == "WHATSAPP" ? $"9199000000{Uuid:00}" : $"{Channel.ToLowerInvariant()}-{Uuid}";
        if (handle is not null)
        {
            body[handle] = handleValue;
        }

        var exists = d.Model.Chats[Tenant].Any(c => c.BotId == bot && c.Uuid == uuid);
        await d.ControlAsync(HttpMethod.Post, "/_emulator/visitors", body, exists ? 409 : 201);
        if (exists)
        {
            return;
        }

        var chat = d.Model.Start(Tenant, bot, uuid, Channel);
        chat.Name = Name;
        chat.Email = Email;
        chat.SetPhone(Phone, null);
        chat.IsOnline = true;
        chat.LastSeenAt = d.Model.Now;
        switch (Channel)
        {
            case "WEBSITE": chat.WebsiteVisits = 1; break;
            case "WHATSAPP": chat.WhatsAppNumber = handleValue; break;
            case "TELEGRAM": chat.TelegramUserName = handleValue; break;
            case "FACEBOOK": chat.FacebookProfileId = handleValue; break;
        }

        chat.Settle();
    }
}

/// <summary><c>POST /_emulator/chats/{id}/messages</c>: lastMessage; from the user also userInteracted, lastSeenAt and one
/// more unread message; from an agent no unread ones.</summary>
public sealed record AddMessage(int Tenant, int Target, string By, string Text) : Op
{
    public override async Task RunAsync(ModelDriver d)
    {
        var (id, chat) = d.Resolve(Tenant, Target);
        await d.ControlAsync(HttpMethod.Post, $"/_emulator/chats/{id}/messages", new JsonObject { ["by"] = By, ["text"] = Text }, chat is null ? 404 : 200);
        chat?.Message(By, Text, d.Model.Now);
    }
}

/// <summary><c>POST /_emulator/chats/{id}/orders</c>: hasOrdered, and the last order time.</summary>
public sealed record PlaceOrder(int Tenant, int Target) : Op
{
    public override async Task RunAsync(ModelDriver d)
    {
        var (id, chat) = d.Resolve(Tenant, Target);
        await d.ControlAsync(HttpMethod.Post, $"/_emulator/chats/{id}/orders", new JsonObject(), chat is null ? 404 : 200);
        if (chat is not null)
        {
            chat.HasOrdered = true;
            chat.LastOrderedAt = chat.LastOrderedAt is { } last && last > d.Model.Now ? last : d.Model.Now;
        }
    }
}

/// <summary><c>PATCH /_emulator/chats/{id}</c>: each given member set, the others kept; an empty agent unassigns.</summary>
public sealed record SetChatState(int Tenant, int Target, bool? Online, bool? LiveChat, string? Agent, bool? Subscriber, string? Status,
    string? Tags, int? Unread) : Op
{
    public override async Task RunAsync(ModelDriver d)
    {
        var (id, chat) = d.Resolve(Tenant, Target);
        var body = new JsonObject();
        Put(body, "isOnline", Online);
        Put(body, "isLiveChatActive", LiveChat);
        Put(body, "agentAssigned", Agent);
        Put(body, "isSubscriber", Subscriber);
        Put(body, "status", Status);
        Put(body, "tags", Split(Tags) is { } tags ? Array(tags) : null);
        Put(body, "unreadMessages", Unread);
        await d.ControlAsync(HttpMethod.Patch, $"/_emulator/chats/{id}", body, chat is null ? 404 : 200);
        if (chat is null)
        {
            return;
        }

        chat.IsOnline = Online ?? chat.IsOnline;
        chat.IsLiveChatActive = LiveChat ?? chat.IsLiveChatActive;
        chat.AgentAssigned = Agent is null ? chat.AgentAssigned : Agent.Length == 0 ? null : Agent;
        chat.IsSubscriber = Subscriber ?? chat.IsSubscriber;
        chat.Status = Status ?? chat.Status;
        if (Split(Tags) is { } replaced)
        {
            chat.SetTags(replaced);
        }

        chat.UnreadMessages = Unread ?? chat.UnreadMessages;
    }
}

/// <summary><c>POST /_emulator/segments</c> with members, or <c>POST /_emulator/segments/{id}/members</c> (add wins over
/// remove) on the tenant's segment <paramref name="Segment"/> when it has one.</summary>
public sealed record ChangeSegment(int Tenant, int? Segment, int[] Add, int[] Remove) : Op
{
    public override async Task RunAsync(ModelDriver d)
    {
        var add = Add.Select(t => d.Resolve(Tenant, t)).Where(r => r.Chat is not null).ToList();
        var remove = Remove.Select(t => d.Resolve(Tenant, t)).Where(r => r.Chat is not null).ToList();
        var segments = d.Model.Segments[Tenant];
        int index;
        if (Segment is { } known && segments.Count > 0 && segments[known % segments.Count] is null)
        {
            await d.ControlAsync(HttpMethod.Post, $"/_emulator/segments/{d.SegmentIds[Tenant][known % segments.Count]}/members",
                new JsonObject { ["add"] = Array(add.Select(a => a.Id)) }, 404);
            return;
        }

        if (Segment is null || segments.Count == 0)
        {
            var name = $"segment-{segments.Count}";
            var created = await d.ControlAsync(HttpMethod.Post, "/_emulator/segments",
                new JsonObject { ["customerId"] = ModelDriver.CustomerIds[Tenant], ["name"] = name, ["members"] = Array(add.Select(a => a.Id)) }, 201);
            segments.Add(name);
            d.SegmentIds[Tenant].Add(created!["_id"]!.GetValue<string>());
            index = segments.Count - 1;
            remove.Clear();
        }
        else
        {
            index = Segment.Value % segments.Count;
            await d.ControlAsync(HttpMethod.Post, $"/_emulator/segments/{d.SegmentIds[Tenant][index]}/members",
                new JsonObject { ["add"] = Array(add.Select(a => a.Id)), ["remove"] = Array(remove.Select(r => r.Id)) }, 200);
        }

        foreach (var (_, chat) in remove)
        {
            chat!.Segments.Remove(index);
        }

        foreach (var (_, chat) in add.Where(a => !a.Chat!.Segments.Contains(index)))
        {
            chat!.Segments.Add(index);
        }
    }

    public override string ToString() =>
        $"ChangeSegment {{ Tenant = {Tenant}, Segment = {Segment}, Add = [{string.Join(", ", Add)}], Remove = [{string.Join(", ", Remove)}] }}";
}

/// <summary><c>DELETE /_emulator/segments/{id}</c>: the segment leaves every member's <c>segments</c>; 404 once deleted.</summary>
public sealed record DeleteSegment(int Tenant, int Segment) : Op
{
    public override async Task RunAsync(ModelDriver d)
    {
        var segments = d.Model.Segments[Tenant];
        if (segments.Count == 0)
        {
            return;
        }

        var index = Segment % segments.Count;
        await d.ControlAsync(HttpMethod.Delete, $"/_emulator/segments/{d.SegmentIds[Tenant][index]}", null, segments[index] is null ? 404 : 204);
        segments[index] = null;
        d.Model.Chats[Tenant].ForEach(c => c.Segments.Remove(index));
    }
}
