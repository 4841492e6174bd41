using System.Text.Json.Nodes;

namespace Emulator.Tests.Model;

/// <summary><c>GET /inbox/direct/chats</c>: one bot's live leads or non-leads, newest first, a page of
/// <see cref="ModelDriver.PageSize"/>. A parameter the endpoint does not read is ignored, even when repeated.</summary>
public sealed record ListChats(int Tenant, int Bot, bool Leads, int Page, bool RepeatUnreadParameter, bool DocHeader) : Op
{
    public override async Task RunAsync(ModelDriver d)
    {
        var bot = Bot == ModelDriver.Bots.Length ? ModelDriver.WhatsAppBot : ModelDriver.Bots[Bot];
        var query = $"botId={bot}&customerId={ModelDriver.CustomerIds[Tenant]}&page={Page}&type={(Leads ? "lead" : "non-lead")}";
        if (RepeatUnreadParameter)
        {
            query += "&limit=100&limit=0";
        }

        var answer = await d.CallAsync(Tenant, HttpMethod.Get, $"/inbox/direct/chats?{query}", null, 200, DocHeader ? "x-bot-token" : null);
        var expected = InboxModel.Page(d.Model.Listed(Tenant).Where(c => c.BotId == bot && c.IsLead == Leads), Page, ModelDriver.PageSize);
        ReadCheck.SameChats(d, Tenant, expected, answer!["data"]!.AsArray(), $"chats listing {query}", contacts: false);
    }
}

/// <summary>Filters of <c>POST /inbox/users</c> an op sends (README, "Contact search rules"); null members are left out.</summary>
public sealed record SearchFilters(string? Tags, string? Status, int? Segment, int? WebsiteBot, bool WhatsAppBot, bool? IsContact,
    bool? UserInteracted, bool? IsOnline, bool? HasOrdered, bool? IsSubscriber, bool? LiveChat, string? Applicable, string? SearchText,
    int? CreatedAfterMs, int? CreatedUntilMs, string? LastMessageBy, string? Agent);

/// <summary><c>POST /inbox/users</c> with filters and a page; every contact's answered fields are checked too.</summary>
public sealed record SearchContacts(int Tenant, SearchFilters Filters, int Page) : Op
{
    public override async Task RunAsync(ModelDriver d)
    {
        var f = Filters;
        var body = new JsonObject { ["page"] = Page };
        Put(body, "tags", Split(f.Tags) is { } tags ? Array(tags) : null);
        Put(body, "status", Split(f.Status) is { } statuses ? Array(statuses) : null);
        var segments = d.SegmentIds[Tenant];
        Put(body, "segments", f.Segment is null ? null : Array(segments.Count == 0 ? ["ffffffffffffffffffffffff"] : [segments[f.Segment.Value % segments.Count]]));
        Put(body, "_botWebsite", f.WebsiteBot is null ? null : Array([ModelDriver.Bots[f.WebsiteBot.Value]]));
        Put(body, "_botWhatsapp", f.WhatsAppBot ? Array([ModelDriver.WhatsAppBot]) : null);
        Put(body, "isContact", f.IsContact);
        Put(body, "userInteracted", f.UserInteracted);
        Put(body, "isOnline", f.IsOnline);
        Put(body, "hasOrdered", f.HasOrdered is null ? null : new JsonObject { ["status"] = f.HasOrdered });
        Put(body, "isSubscriber", f.IsSubscriber);
        Put(body, "isLiveChatActive", f.LiveChat);
        Put(body, "applicableFilters", Split(f.Applicable) is { } applicable ? Array(applicable) : null);
        Put(body, "searchText", f.SearchText);
        Put(body, "createdAt", f.CreatedAfterMs is null && f.CreatedUntilMs is null ? null : new JsonObject
        {
            ["startAt"] = f.CreatedAfterMs is { } a ? StoredView.Time(Base.AddMilliseconds(a)) : "",
            ["endsAt"] = f.CreatedUntilMs is { } u ? StoredView.Time(Base.AddMilliseconds(u)) : "",
        });
        Put(body, "lastMessageBy", Split(f.LastMessageBy) is { } senders ? Array(senders) : null);
        Put(body, "_agentAssigned", Split(f.Agent) is { } agents ? Array(agents) : null);

        var answer = await d.CallAsync(Tenant, HttpMethod.Post, "/inbox/users", body, 200);
        var chats = d.Model.Chats[Tenant];
        var segment = f.Segment is null ? (int?)null : segments.Count == 0 ? -1 : f.Segment.Value % segments.Count;
        var expected = InboxModel.Page(d.Model.Listed(Tenant).Where(c => Matches(c, d.Stored[Tenant][chats.IndexOf(c)].Uuid, segment)), Page,
            ModelDriver.PageSize);
        ReadCheck.SameChats(d, Tenant, expected, answer!["data"]!.AsArray(), $"search {body.ToJsonString()}", contacts: true);
    }

    private static readonly DateTime Base = new InboxModel().Now;

    private bool Matches(ModelChat c, string uuid, int? segment)
    {
        var f = Filters;
        var applicable = Split(f.Applicable) ?? [];
        bool? Applies(string name, bool? value) => applicable.Contains(name) ? value ?? false : value == true ? true : null;
        bool Is(string name, bool? value, bool actual) => Applies(name, value) is not { } wanted || wanted == actual;
        var text = f.SearchText?.Trim().ToLowerInvariant();
        return (string.IsNullOrEmpty(text) || c.SearchTexts(uuid).Any(t => t.Contains(text, StringComparison.Ordinal)))
            && (Split(f.Tags) is not { Count: > 0 } tags || c.Tags.Intersect(tags).Any())
            && (Split(f.Status) is not { Count: > 0 } statuses || statuses.Contains(c.Status))
            && (segment is null || c.Segments.Contains(segment.Value))
            && (f.WebsiteBot is null && !f.WhatsAppBot
                || (f.WebsiteBot is { } w && c.Channel == "WEBSITE" && c.BotId == ModelDriver.Bots[w])
                || (f.WhatsAppBot && c.Channel == "WHATSAPP" && c.BotId == ModelDriver.WhatsAppBot))
            && Is("isContact", f.IsContact, c.IsContact)
            && Is("userInteracted", f.UserInteracted, c.UserInteracted)
            && Is("isOnline", f.IsOnline, c.IsOnline)
            && Is("hasOrdered", f.HasOrdered, c.HasOrdered)
            && Is("isSubscriber", f.IsSubscriber, c.IsSubscriber)
            && Is("isLiveChatActive", f.LiveChat, c.IsLiveChatActive)
            && (f.CreatedAfterMs is not { } after || c.CreatedAt > Base.AddMilliseconds(after))
            && (f.CreatedUntilMs is not { } until || c.CreatedAt <= Base.AddMilliseconds(until))
            && (Split(f.LastMessageBy) is not { Count: > 0 } senders || (c.LastMessageBy is { } by && senders.Contains(by)))
            && (Split(f.Agent) is not { Count: > 0 } agents || (c.AgentAssigned is { } agent && agents.Contains(agent)));
    }
}
