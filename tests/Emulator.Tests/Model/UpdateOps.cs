using System.Text.Json.Nodes;

namespace Emulator.Tests.Model;

/// <summary><c>PUT /inbox/users/{id}</c> with part of a contact: userDetails lists replace, a top-level attribute is upserted
/// (README, "Contact endpoints"). A deleted or unknown contact is a 404.</summary>
public sealed record UpdateContact(int Tenant, int Target, string? Name, string? Email, string? Tags, string? Attribute,
    string? TopAttribute, string? Status) : Op
{
    public override async Task RunAsync(ModelDriver d)
    {
        var (id, chat) = d.Resolve(Tenant, Target);
        var details = new JsonObject();
        Put(details, "name", Name);
        Put(details, "contact", Email is null ? null : new JsonObject { ["email"] = Email });
        Put(details, "tags", Split(Tags) is { } tags ? Array(tags) : null);
        Put(details, "attributes", Attribute is null ? null : new JsonArray(new JsonObject { ["key"] = Attribute, ["value"] = "replaced" }));
        var body = new JsonObject { ["profile"] = new JsonObject { ["userDetails"] = details } };
        Put(body, "attributes", TopAttribute is null ? null : new JsonArray(new JsonObject { ["key"] = TopAttribute, ["value"] = "upserted" }));
        Put(body, "status", Status);
        var expected = chat is null || chat.Deleted ? 404 : 200;
        await d.CallAsync(Tenant, HttpMethod.Put, $"/inbox/users/{id}", body, expected);
        if (expected != 200)
        {
            return;
        }

        chat!.Name = Name ?? chat.Name;
        chat.Email = Email ?? chat.Email;
        if (Split(Tags) is { } replaced)
        {
            chat.SetTags(replaced);
        }

        if (Attribute is not null)
        {
            chat.Attributes = [(Attribute, "replaced")];
        }

        if (TopAttribute is not null)
        {
            chat.UpsertAttribute(TopAttribute, "upserted");
        }

        chat.Status = Status ?? chat.Status;
        chat.Settle();
    }
}

/// <summary>
/// A client's read-modify-write (PLATFORM-FACTS: "Whatever the platform returned must be accepted back unchanged"): the
/// contact as <c>POST /inbox/users</c> answers it, with a new name or tags, PUT back whole. The contact block and
/// <c>country</c> are answered <c>""</c> while unset, so they come back stored as <c>""</c>.
/// </summary>
public sealed record PutBackContact(int Tenant, int Target, string? NewName, string? NewTags) : Op
{
    public override async Task RunAsync(ModelDriver d)
    {
        var (id, chat) = d.Resolve(Tenant, Target);
        if (chat is null || chat.Deleted)
        {
            await d.CallAsync(Tenant, HttpMethod.Put, $"/inbox/users/{id}", new JsonObject { ["profile"] = new JsonObject() }, 404);
            return;
        }

        var uuid = d.Stored[Tenant][d.Model.Chats[Tenant].IndexOf(chat)].Uuid;
        var found = (await d.CallAsync(Tenant, HttpMethod.Post, "/inbox/users", new JsonObject { ["searchText"] = uuid, ["page"] = 1 }, 200))!;
        var contact = found["data"]!.AsArray().Single(c => c!["_id"]!.GetValue<string>() == id)!.AsObject();
        var details = contact["profile"]!["userDetails"]!.AsObject();
        Put(details, "name", NewName);
        Put(details, "tags", Split(NewTags) is { } tags ? Array(tags) : null);
        await d.CallAsync(Tenant, HttpMethod.Put, $"/inbox/users/{id}", contact, 200);

        chat.Email ??= "";
        chat.PhoneNumber ??= "";
        chat.PhonePrefix ??= "";
        chat.Country ??= "";
        chat.Name = NewName ?? chat.Name;
        if (Split(NewTags) is { } replaced)
        {
            chat.SetTags(replaced);
        }

        chat.Settle();
    }
}

/// <summary>Finds a contact as the custom-app calls do (README, "Contacts named by search"): by email (any case), WhatsApp
/// number (a contact without one by its dial code and number) or uuid; the newest live one.</summary>
public static class CustomAppSearch
{
    public static ModelChat? Find(ModelDriver d, int tenant, string? bot, string search)
    {
        var lowered = search.Trim().ToLowerInvariant();
        var digits = new string(search.Where(char.IsAsciiDigit).ToArray());
        var chats = d.Model.Chats[tenant];
        return Enumerable.Range(0, chats.Count).Reverse()
            .Where(i => !chats[i].Deleted && (bot is null || chats[i].BotId == bot))
            .Where(i => (chats[i].Email is { } email && email.ToLowerInvariant() == lowered)
                || (digits != "" && (chats[i].WhatsAppNumber == digits
                    || (chats[i].WhatsAppNumber is null && (chats[i].PhonePrefix ?? "") + (chats[i].PhoneNumber ?? "") == digits)))
                || d.Stored[tenant][i].Uuid == search)
            .Select(i => chats[i]).FirstOrDefault();
    }
}

/// <summary><c>PUT /integrations/custom-app/update-user-attributes</c>: each key upserted on the contact found, else 404.</summary>
public sealed record SetUserAttributes(int Tenant, string Search, string Key) : Op
{
    public override async Task RunAsync(ModelDriver d)
    {
        var chat = CustomAppSearch.Find(d, Tenant, null, Search);
        var body = new JsonObject
        {
            ["search"] = Search,
            ["platform"] = "whatsapp",
            ["attributes"] = new JsonObject { [Key] = "from-n8n" },
        };
        await d.CallAsync(Tenant, HttpMethod.Put, "/integrations/custom-app/update-user-attributes", body, chat is null ? 404 : 200);
        chat?.UpsertAttribute(Key, "from-n8n");
    }
}

/// <summary><c>POST /integrations/custom-app/send-message-to-plugin</c>: a bot message to the contact found, else 404.</summary>
public sealed record SendToPlugin(int Tenant, string Search, string Text, bool WhatsAppBotHeader) : Op
{
    public override async Task RunAsync(ModelDriver d)
    {
        var bot = WhatsAppBotHeader ? ModelDriver.WhatsAppBot : null;
        var chat = CustomAppSearch.Find(d, Tenant, bot, Search);
        await d.CallAsync(Tenant, HttpMethod.Post, "/integrations/custom-app/send-message-to-plugin",
            new JsonObject { ["text"] = Text, ["search"] = Search, ["channel"] = "whatsapp" }, chat is null ? 404 : 200,
            arrange: r => { if (bot is not null) { r.Headers.Add("botId", bot); } });
        chat?.Message("bot", Text, d.Model.Now);
    }
}

/// <summary><c>POST /whatsapp-automation/wa/send-message?apiKey=</c> as the development tenant's WhatsApp bot: finds or creates
/// the WhatsApp contact (number split into dial code and number, as real WhatsApp contacts carry both), adds tags, and
/// records the bot's message. A body without <c>message</c> is a 400.</summary>
public sealed record WhatsAppSend(int WaId, string? UserName, string? Tags, string Text, bool NoMessage) : Op
{
    /// <summary>WhatsApp ids and the (dial code, number) a real contact with that id carries.</summary>
    public static readonly (string WaId, string Prefix, string Number)[] Numbers =
        [("919876543210", "91", "9876543210"), ("14155550123", "1", "4155550123"), ("447700900123", "44", "7700900123")];

    public override async Task RunAsync(ModelDriver d)
    {
        var (waId, prefix, number) = Numbers[WaId];
        var body = new JsonObject { ["wa_id"] = waId, ["type"] = "text" };
        Put(body, "userName", UserName);
        Put(body, "message", NoMessage ? null : new JsonObject { ["text"] = Text });
        Put(body, "tags", Split(Tags) is { } tags ? Array(tags) : null);
        var key = Emulator.DevelopmentTenant.WhatsAppApiKey;
        await d.CallAsync(0, HttpMethod.Post, $"/whatsapp-automation/wa/send-message?apiKey={key}", body, NoMessage ? 400 : 200);
        if (NoMessage)
        {
            return;
        }

        Record(d, waId, prefix, number, UserName, Tags, Text);
    }

    /// <summary>What a send does to the development tenant's WhatsApp contact with <paramref name="waId"/>: found (the newest
    /// live one) or created with its number as WhatsApp id and phone; the user name, added tags and the bot's message.</summary>
    public static void Record(ModelDriver d, string waId, string prefix, string number, string? userName, string? tags, string text)
    {
        var chats = d.Model.Chats[0];
        var chat = chats.LastOrDefault(c => !c.Deleted && c.BotId == ModelDriver.WhatsAppBot && c.WhatsAppNumber == waId);
        if (chat is null)
        {
            chat = d.Model.Start(0, ModelDriver.WhatsAppBot, null, "WHATSAPP");
            chat.WhatsAppNumber = waId;
            chat.PhonePrefix = prefix;
            chat.PhoneNumber = number;
            chat.IsContact = true;
        }

        if (!string.IsNullOrEmpty(userName))
        {
            chat.UserProvidedName = userName;
        }

        chat.SetTags(chat.Tags.Concat(Split(tags) ?? []));
        chat.Message("bot", text, d.Model.Now);
        chat.Settle();
    }
}

/// <summary><c>POST /whatsapp-automation/wa/send-template?apiKey=</c> of the approved template the driver defines
/// (<see cref="ModelDriver.TemplateBody"/>): its body variables filled in order; too few values are a 400.</summary>
public sealed record WhatsAppTemplateSend(int WaId, string? UserName, string? Tags, bool TooFewValues) : Op
{
    public override async Task RunAsync(ModelDriver d)
    {
        var (waId, prefix, number) = WhatsAppSend.Numbers[WaId];
        string[] values = TooFewValues ? ["Ann"] : ["Ann", "4711"];
        var body = new JsonObject
        {
            ["wa_id"] = waId,
            ["templateId"] = d.TemplateId,
            ["params"] = new JsonArray(new JsonObject { ["type"] = "body", ["parameters"] = Array(values) }),
        };
        Put(body, "userName", UserName);
        Put(body, "tags", Split(Tags) is { } tags ? Array(tags) : null);
        var key = Emulator.DevelopmentTenant.WhatsAppApiKey;
        await d.CallAsync(0, HttpMethod.Post, $"/whatsapp-automation/wa/send-template?apiKey={key}", body, TooFewValues ? 400 : 200);
        if (!TooFewValues)
        {
            WhatsAppSend.Record(d, waId, prefix, number, UserName, Tags, "Hello Ann, your code is 4711");
        }
    }
}
