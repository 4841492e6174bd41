using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Fidelity;

/// <summary>Whatever the platform gives out, and the phone forms real data carries, are accepted back.</summary>
public sealed class AcceptBackTests
{
    private static JsonNode Details(JsonNode contact) => contact["profile"]!["userDetails"]!;

    private static JsonNode Phone(JsonNode contact) => Details(contact)["contact"]!["phone"]!;

    private static string CapturedContact() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "captured-contact.json"));

    private static async Task<string> OnlyContactIdAsync(EmulatorFactory emulator) =>
        (await emulator.Inbox().AllContactsAsync()).Single()["_id"]!.GetValue<string>();

    [Fact]
    public async Task The_captured_real_contact_PUT_back_verbatim_is_accepted_and_answered_in_the_same_forms()
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Inbox().ImportAsync(new[] { InboxClient.ImportItem("Before", number: "123456789", prefix: "1") })).ExpectOk();
        var id = await OnlyContactIdAsync(emulator);

        var reply = (await emulator.Inbox().SendAsync(HttpMethod.Put, $"/inbox/users/{id}",
            new StringContent(CapturedContact(), Encoding.UTF8, "application/json"), null)).ExpectOk();

        var answered = reply.Json["data"]!;
        var sent = JsonNode.Parse(CapturedContact())!;
        Assert.Equal(id, answered["_id"]!.GetValue<string>());
        Assert.Equal(Details(sent)["contact"]!.ToJsonString(), Details(answered)["contact"]!.ToJsonString());
        Assert.Equal("1123456789", Details(answered)["whatsAppNumber"]!.GetValue<string>());
        Assert.Equal("Captured Contact", Details(answered)["userProvidedName"]!.GetValue<string>());
        Assert.Equal("", Details(answered)["country"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_contact_read_from_the_emulator_and_PUT_back_unchanged_changes_nothing_but_updatedAt()
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("u", new
        {
            name = "Ann",
            email = "ann@example.com",
            phone = "9876543210",
            dialCode = "+91",
            agentId = "631aa793bcfa100487d13d0d",
            picture = "https://example.com/a.png",
            status = "REVIEW",
            tags = new[] { "vip" },
            notes = new[] { new { title = "t", description = "d" } },
            attributes = new[] { new { key = "plan", value = "pro" } },
        }))).ExpectOk();
        var before = (await emulator.Inbox().AllContactsAsync()).Single().AsObject();

        var id = before["_id"]!.GetValue<string>();
        (await emulator.Inbox().UpdateContactAsync(id, before)).ExpectOk();
        var after = (await emulator.Inbox().AllContactsAsync()).Single().AsObject();

        before.Remove("updatedAt");
        after.Remove("updatedAt");
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
    }

    [Theory]
    [InlineData("91 9876543210", "919876543210")]
    [InlineData("+91 9876543210", "919876543210")]
    [InlineData("919876543210", "919876543210")]
    [InlineData("+91-98765-43210", "919876543210")]
    public async Task A_whatsApp_number_is_accepted_run_together_or_spaced_and_answered_run_together(string sent, string answered)
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("u", new { name = "Ann" }))).ExpectOk();
        var id = await OnlyContactIdAsync(emulator);

        (await emulator.Inbox().UpdateContactAsync(id, new { profile = new { userDetails = new { whatsAppNumber = sent } } })).ExpectOk();
        (await emulator.Inbox().UpdateContactAsync(id, new { whatsAppNumber = sent })).ExpectOk();

        Assert.Equal(answered, Details((await emulator.Inbox().AllContactsAsync()).Single())["whatsAppNumber"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("+91 98765-43210", "+91", "9876543210", "91")]
    [InlineData("+919876543210", "91", "9876543210", "91")]
    [InlineData("098765 43210", "+91", "09876543210", "91")]
    [InlineData("(020) 7946.0958", "+44", "02079460958", "44")]
    [InlineData("+44 20 7946 0958", null, "442079460958", "")]
    public async Task A_lead_phone_with_plus_spaces_dashes_or_dots_is_stored_and_answered_as_digits(
        string phone, string? dialCode, string number, string prefix)
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("u", new { phone, dialCode }))).ExpectOk();

        var chat = (await emulator.Inbox().ListChatsAsync()).ExpectOk().Data.Single()!;
        Assert.Equal(number, Phone(chat)["number"]!.GetValue<string>());
        Assert.Equal(prefix, Phone(chat)["prefix"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_contact_phone_with_a_plus_is_normalized_and_an_import_in_another_form_finds_the_same_contact()
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Inbox().ImportAsync(new[] { InboxClient.ImportItem("Ann", number: "+1 123-456-789", prefix: "+1") })).ExpectOk();
        var contact = (await emulator.Inbox().AllContactsAsync()).Single();
        Assert.Equal("""{"number":"123456789","prefix":"1"}""", Phone(contact).ToJsonString());

        var reply = (await emulator.Inbox().ImportAsync(new[] { InboxClient.ImportItem("Ann again", number: "123456789", prefix: "1") })).ExpectOk();
        Assert.Equal("Imported 1 contacts: 0 created, 1 updated.", reply.Json["message"]!.GetValue<string>());
        Assert.Equal(["Ann again"], (await emulator.Inbox().AllContactsAsync()).Select(c => Details(c)["userProvidedName"]!.GetValue<string>()));
        Assert.Single((await emulator.Inbox().SearchAsync(new { searchText = "+1123456789" })).ExpectOk().Data);
    }

    [Theory]
    [InlineData("whatsAppNumber", "91 98765 abc")]
    [InlineData("whatsAppNumber", "+")]
    [InlineData("whatsAppNumber", "1")]
    public async Task Malformed_whatsApp_numbers_get_400(string field, string value)
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("u", new { name = "Ann" }))).ExpectOk();
        var id = await OnlyContactIdAsync(emulator);

        var body = new JsonObject { [field] = value };
        var reply = (await emulator.Inbox().UpdateContactAsync(id, body)).Expect(HttpStatusCode.BadRequest);
        Assert.Equal([$"{field} '{value}' {Emulator.Common.PhoneRules.WhatsAppRule}"], reply.Messages);
    }
}
