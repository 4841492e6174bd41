using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Fidelity;

/// <summary>The import as the vendor's own n8n node sends it: <c>botId</c> in the query and as a header.</summary>
public sealed class BotImportTests
{
    private const string WhatsAppBot = "64b7f0c2a1d3e4f5a6b7c8e1";

    private static object N8nContact(string name, string? email = null, string? number = null, string? prefix = null) =>
        InboxClient.ImportItem(name, email, number, prefix);

    /// <summary>Sends the import with the headers the n8n node sends; <paramref name="query"/> and <paramref name="header"/> carry botId.</summary>
    private static async Task<Reply> ImportAsync(EmulatorFactory emulator, object[] contacts, string? query, string? header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/inbox/users/import" + (query is null ? "" : $"?botId={query}"))
        {
            Content = new StringContent(JsonSerializer.Serialize(contacts), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorFactory.DevToken);
        request.Headers.Add("authtype", "Key");
        request.Headers.Add("Accept", "*/*");
        if (header is not null)
        {
            request.Headers.Add("botId", header);
        }

        using var response = await emulator.CreateClient().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        OpenApiContract.Check(HttpMethod.Post, "/inbox/users/import", (int)response.StatusCode, text);
        return new Reply(response.StatusCode, text, response.Content.Headers.ContentType?.MediaType);
    }

    private static List<string> Names(IEnumerable<JsonNode> contacts) =>
        contacts.Select(c => c["profile"]!["userDetails"]!["userProvidedName"]!.GetValue<string>()).ToList();

    [Theory]
    [InlineData(WhatsAppBot, WhatsAppBot)]
    [InlineData(WhatsAppBot, null)]
    [InlineData(null, WhatsAppBot)]
    [InlineData(WhatsAppBot, "")]
    public async Task An_import_naming_a_bot_with_no_chats_creates_WhatsApp_contacts_of_that_bot(string? query, string? header)
    {
        await using var emulator = new EmulatorFactory();
        (await ImportAsync(emulator, [N8nContact("Jane", number: "9876543210", prefix: "91")], query, header)).ExpectOk();

        var inbox = emulator.Inbox();
        var contact = Assert.Single(await inbox.AllContactsAsync(new { _botWhatsapp = new[] { WhatsAppBot } }));
        Assert.Equal(["WHATSAPP"], contact["platform"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal("919876543210", contact["profile"]!["userDetails"]!["whatsAppNumber"]!.GetValue<string>());
        Assert.True(contact["isImported"]!.GetValue<bool>());
        Assert.Empty(await inbox.AllContactsAsync(new { _botWhatsapp = new[] { EmulatorFactory.DevBotId } }));
        Assert.Single((await inbox.ListChatsAsync(botId: WhatsAppBot)).ExpectOk().Data);
    }

    [Fact]
    public async Task An_import_for_a_bot_whose_chats_are_on_the_website_creates_website_contacts()
    {
        await using var emulator = new EmulatorFactory();
        var inbox = emulator.Inbox();
        (await inbox.PutLeadAsync(InboxClient.Lead("visitor", new { name = "Visitor" }))).ExpectOk();

        (await ImportAsync(emulator, [N8nContact("Jane", email: "jane@example.com")], EmulatorFactory.DevBotId, EmulatorFactory.DevBotId)).ExpectOk();

        var jane = Assert.Single(await inbox.AllContactsAsync(new { searchText = "jane@example.com" }));
        Assert.Equal(["WEBSITE"], jane["platform"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(["Jane"], Names(await inbox.AllContactsAsync(new { _botWebsite = new[] { EmulatorFactory.DevBotId }, isContact = true, searchText = "jane" })));
        Assert.Equal(2, (await inbox.ListChatsAsync()).ExpectOk().Data.Count);
    }

    [Fact]
    public async Task A_bots_import_matches_only_that_bots_contacts_and_a_bot_less_import_still_matches_any()
    {
        await using var emulator = new EmulatorFactory();
        var inbox = emulator.Inbox();
        (await ImportAsync(emulator, [N8nContact("No bot", email: "ann@example.com")], null, null)).ExpectOk();
        (await ImportAsync(emulator, [N8nContact("Bot first", email: "ann@example.com")], WhatsAppBot, WhatsAppBot)).ExpectOk();
        (await ImportAsync(emulator, [N8nContact("Bot second", email: "ANN@example.com")], WhatsAppBot, WhatsAppBot)).ExpectOk();

        var all = await inbox.AllContactsAsync();
        Assert.Equal(["Bot second", "No bot"], Names(all));
        Assert.Empty(all.Single(c => Names([c])[0] == "No bot")["platform"]!.AsArray());

        // Without a bot, the newest contact with the email is updated, whichever bot it belongs to.
        (await ImportAsync(emulator, [N8nContact("Any", email: "ann@example.com")], null, null)).ExpectOk();
        Assert.Equal(["Any", "No bot"], Names(await inbox.AllContactsAsync()));
    }

    [Fact]
    public async Task A_query_and_header_naming_different_bots_get_400_and_nothing_is_imported()
    {
        await using var emulator = new EmulatorFactory();
        var reply = (await ImportAsync(emulator, [N8nContact("Jane", email: "jane@example.com")], WhatsAppBot, EmulatorFactory.DevBotId))
            .Expect(HttpStatusCode.BadRequest);

        Assert.Equal([$"botId '{WhatsAppBot}' in the query and '{EmulatorFactory.DevBotId}' in the botId header name different bots."], reply.Messages);
        Assert.Empty(await emulator.Inbox().AllContactsAsync());
    }

    [Fact]
    public async Task An_over_long_botId_gets_400()
    {
        await using var emulator = new EmulatorFactory();
        var reply = (await ImportAsync(emulator, [N8nContact("Jane", email: "jane@example.com")], new string('b', 65), null))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["botId must be at most 64 characters."], reply.Messages);
    }
}
