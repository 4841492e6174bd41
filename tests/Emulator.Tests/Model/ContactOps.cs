using System.Text.Json.Nodes;

namespace Emulator.Tests.Model;

/// <summary>One step of a sequence: sends its call, checks the status the model predicts, then changes the model.</summary>
public abstract record Op
{
    public abstract Task RunAsync(ModelDriver d);

    /// <summary>A comma-separated list as the ops carry lists (so that a printed sequence shows them): null stays null.</summary>
    protected static List<string>? Split(string? list) => list is null ? null : list.Length == 0 ? [] : [.. list.Split(',')];

    protected static JsonArray Array(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)i).ToArray());

    protected static void Put(JsonObject body, string key, JsonNode? value)
    {
        if (value is not null)
        {
            body[key] = value;
        }
    }
}

/// <summary>What makes a lead PUT invalid: nothing, a malformed email, 101 tags, or another customer's customerId.</summary>
public enum LeadDefect { None, BadEmail, TooManyTags, OtherCustomer }

/// <summary><c>PUT /inbox/direct/lead</c> (README, "Lead upsert rules").</summary>
public sealed record PutLead(int Tenant, int Bot, int Uuid, string? Name, string? Email, string? Phone, string? DialCode, string? Status,
    string? Agent, string? Tags, string? Attribute, string? Note, LeadDefect Defect, bool DocHeader) : Op
{
    public override async Task RunAsync(ModelDriver d)
    {
        var bot = ModelDriver.Bots[Bot];
        var uuid = $"visitor-{Uuid}";
        var body = new JsonObject
        {
            ["uuid"] = uuid,
            ["botId"] = bot,
            ["customerId"] = ModelDriver.CustomerIds[Defect == LeadDefect.OtherCustomer ? 1 - Tenant : Tenant],
        };
        Put(body, "name", Name);
        Put(body, "email", Defect == LeadDefect.BadEmail ? "not-an-email" : Email);
        Put(body, "phone", Phone);
        Put(body, "dialCode", DialCode);
        Put(body, "status", Status);
        Put(body, "agentId", Agent);
        Put(body, "tags", Defect == LeadDefect.TooManyTags ? Array(Enumerable.Range(0, 101).Select(i => $"t{i}")) : Split(Tags) is { } tags ? Array(tags) : null);
        Put(body, "attributes", Attribute is null ? null : new JsonArray(new JsonObject { ["key"] = Attribute, ["value"] = $"{Attribute}-{Uuid}" }));
        Put(body, "notes", Note is null ? null : new JsonArray(new JsonObject { ["title"] = Note, ["description"] = "said so" }));
        var expected = Defect switch { LeadDefect.None => 200, LeadDefect.OtherCustomer => 403, _ => 400 };
        await d.CallAsync(Tenant, HttpMethod.Put, "/inbox/direct/lead", body, expected, DocHeader ? "x-bp-token" : null);
        if (expected != 200)
        {
            return;
        }

        var chat = d.Model.Chats[Tenant].FirstOrDefault(c => c.BotId == bot && c.Uuid == uuid) ?? d.Model.Start(Tenant, bot, uuid, "WEBSITE");
        chat.Name = Name ?? chat.Name;
        chat.Email = Email ?? chat.Email;
        chat.SetPhone(Phone, DialCode);
        chat.Status = Status ?? chat.Status;
        chat.AgentAssigned = Agent ?? chat.AgentAssigned;
        if (Split(Tags) is { } replaced)
        {
            chat.SetTags(replaced);
        }

        if (Attribute is not null)
        {
            chat.UpsertAttribute(Attribute, $"{Attribute}-{Uuid}");
        }

        if (Note is not null)
        {
            chat.Notes.Add((Note, "said so"));
        }

        // The visitor gave the bot their details.
        chat.UserInteracted |= chat.IsLead;
        chat.Settle();
    }
}

/// <summary>One item of an import: <c>{profile: {userDetails: {userProvidedName, contact: {email, phone}, tags, attributes}}}</c>.</summary>
public sealed record ImportItem(string? Name, string? Email, string? Phone, string? Prefix, string? Tags, string? Attribute)
{
    public JsonObject ToJson()
    {
        var contact = new JsonObject();
        if (Email is not null)
        {
            contact["email"] = Email;
        }

        if (Phone is not null)
        {
            contact["phone"] = new JsonObject { ["number"] = Phone, ["prefix"] = Prefix };
        }

        var details = new JsonObject { ["contact"] = contact };
        if (Name is not null)
        {
            details["userProvidedName"] = Name;
        }

        if (Tags is not null)
        {
            details["tags"] = new JsonArray(Tags.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => (JsonNode?)t).ToArray());
        }

        if (Attribute is not null)
        {
            details["attributes"] = new JsonArray(new JsonObject { ["key"] = Attribute, ["value"] = "imported" });
        }

        return new JsonObject { ["profile"] = new JsonObject { ["userDetails"] = details } };
    }
}

/// <summary><c>POST /inbox/users/import</c>, with or without a bot (README, "Contact endpoints").</summary>
public sealed record Import(int Tenant, int? Bot, bool BotInHeader, ImportItem[] Items) : Op
{
    public override async Task RunAsync(ModelDriver d)
    {
        var bot = Bot is null ? null : Bot == ModelDriver.Bots.Length ? ModelDriver.WhatsAppBot : ModelDriver.Bots[Bot.Value];
        var path = bot is null || BotInHeader ? "/inbox/users/import" : $"/inbox/users/import?botId={bot}";
        var body = new JsonArray(Items.Select(i => (JsonNode?)i.ToJson()).ToArray());
        var valid = Items.All(i => !string.IsNullOrEmpty(i.Email) || !string.IsNullOrEmpty(i.Phone));
        await d.CallAsync(Tenant, HttpMethod.Post, path, body, valid ? 200 : 400,
            arrange: r => { if (bot is not null && BotInHeader) { r.Headers.Add("botId", bot); } });
        if (!valid)
        {
            return;
        }

        var chats = d.Model.Chats[Tenant];
        var channel = bot is null ? "WEBSITE" : chats.LastOrDefault(c => c.BotId == bot)?.Channel ?? "WHATSAPP";
        foreach (var item in Items)
        {
            var chat = Match(chats, bot, item);
            if (chat is null)
            {
                chat = d.Model.Start(Tenant, bot ?? "", null, channel);
                chat.IsImported = true;
                chat.IsContact = true;
            }

            chat.UserProvidedName = item.Name ?? chat.UserProvidedName;
            chat.Email = item.Email ?? chat.Email;
            if (item.Phone is not null)
            {
                chat.SetPhone(item.Phone, item.Prefix);
            }

            if (item.Tags is not null)
            {
                chat.SetTags(item.Tags.Split(',', StringSplitOptions.RemoveEmptyEntries));
            }

            if (item.Attribute is not null)
            {
                chat.Attributes = [(item.Attribute, "imported")];
            }

            if (chat.Channel == "WHATSAPP" && chat.WhatsAppNumber is null && !string.IsNullOrEmpty(chat.PhoneNumber))
            {
                chat.WhatsAppNumber = (chat.PhonePrefix ?? "") + chat.PhoneNumber;
            }

            chat.Settle();
        }
    }

    // The newest live contact (of the bot, when one is named) with the item's email in any case, else its phone.
    private static ModelChat? Match(List<ModelChat> chats, string? bot, ImportItem item)
    {
        var live = chats.Where(c => !c.Deleted && (bot is null || c.BotId == bot)).Reverse().ToList();
        if (!string.IsNullOrEmpty(item.Email) && live.FirstOrDefault(c => string.Equals(c.Email, item.Email, StringComparison.OrdinalIgnoreCase)) is { } byEmail)
        {
            return byEmail;
        }

        if (string.IsNullOrEmpty(item.Phone))
        {
            return null;
        }

        var probe = new ModelChat { BotId = "", Uuid = "", Channel = "", CreatedAt = default };
        probe.SetPhone(item.Phone, item.Prefix);
        return live.FirstOrDefault(c => c.PhoneNumber == probe.PhoneNumber && c.PhonePrefix == probe.PhonePrefix);
    }

    public override string ToString() =>
        $"Import {{ Tenant = {Tenant}, Bot = {Bot}, BotInHeader = {BotInHeader}, Items = [{string.Join(", ", Items.Select(i => i.ToString()))}] }}";
}

/// <summary><c>PUT /inbox/users/status-update</c>: all or nothing; an id unknown to the tenant (or another tenant's) is a 404.</summary>
public sealed record SetStatus(int Tenant, int[] Targets, string Status, bool OtherTenantsId) : Op
{
    public override async Task RunAsync(ModelDriver d)
    {
        var resolved = Targets.Select(t => d.Resolve(Tenant, t)).ToList();
        var ids = resolved.Select(r => r.Id).ToList();
        if (OtherTenantsId)
        {
            ids.Add(d.Resolve(1 - Tenant, 0).Id);
        }

        var valid = Status != "NOPE";
        var expected = !valid ? 400 : OtherTenantsId || resolved.Any(r => r.Chat is null) ? 404 : 200;
        await d.CallAsync(Tenant, HttpMethod.Put, "/inbox/users/status-update",
            new JsonObject { ["ids"] = Array(ids), ["status"] = Status }, expected);
        if (expected == 200)
        {
            resolved.ForEach(r => r.Chat!.Status = Status);
        }
    }

    public override string ToString() =>
        $"SetStatus {{ Tenant = {Tenant}, Targets = [{string.Join(", ", Targets)}], Status = {Status}, OtherTenantsId = {OtherTenantsId} }}";
}

/// <summary>A lead PUT carrying hundreds of notes and attributes: a chat holds at most 1,000 of each, so a PUT that would
/// pass either limit is a 400 that changes nothing (README, "Differences": limits).</summary>
public sealed record PutLeadBulk(int Tenant, int Uuid, int Notes, int Attributes, int KeyOffset) : Op
{
    public override async Task RunAsync(ModelDriver d)
    {
        var bot = ModelDriver.Bots[0];
        var uuid = $"visitor-{Uuid}";
        var keys = Enumerable.Range(KeyOffset, Attributes).Select(i => $"k{i}").ToList();
        var body = new JsonObject
        {
            ["uuid"] = uuid,
            ["botId"] = bot,
            ["customerId"] = ModelDriver.CustomerIds[Tenant],
            ["notes"] = new JsonArray(Enumerable.Range(0, Notes).Select(i => (JsonNode?)new JsonObject { ["title"] = $"n{i}" }).ToArray()),
            ["attributes"] = new JsonArray(keys.Select(k => (JsonNode?)new JsonObject { ["key"] = k, ["value"] = "bulk" }).ToArray()),
        };
        var chat = d.Model.Chats[Tenant].FirstOrDefault(c => c.BotId == bot && c.Uuid == uuid);
        var notes = (chat?.Notes.Count ?? 0) + Notes;
        var attributes = (chat?.Attributes.Select(a => a.Key) ?? []).Union(keys).Count();
        var expected = notes > 1000 || attributes > 1000 ? 400 : 200;
        await d.CallAsync(Tenant, HttpMethod.Put, "/inbox/direct/lead", body, expected);
        if (expected != 200)
        {
            return;
        }

        chat ??= d.Model.Start(Tenant, bot, uuid, "WEBSITE");
        chat.Notes.AddRange(Enumerable.Range(0, Notes).Select(i => ((string?)$"n{i}", (string?)null)));
        keys.ForEach(k => chat.UpsertAttribute(k, "bulk"));
        chat.UserInteracted |= chat.IsLead;
        chat.Settle();
    }
}
