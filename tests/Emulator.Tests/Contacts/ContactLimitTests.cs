using System.Net;
using Emulator.Data;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Contacts;

/// <summary>One rule per field on every write endpoint, and the limits a chat keeps whichever endpoint writes it.</summary>
public sealed class ContactLimitTests
{
    private static async Task<string> ContactIdAsync(EmulatorFactory emulator)
    {
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("u", new { name = "Ann" }))).ExpectOk();
        return (await emulator.Inbox().AllContactsAsync()).Single()["_id"]!.GetValue<string>();
    }

    [Fact]
    public async Task The_contact_update_applies_the_lead_PUTs_limits_and_messages()
    {
        await using var emulator = new EmulatorFactory();
        var id = await ContactIdAsync(emulator);

        var reply = (await emulator.Inbox().UpdateContactAsync(id, new
        {
            attributes = Enumerable.Range(0, 1001).Select(i => new { key = $"k{i}", value = "v" }).ToArray(),
            profile = new
            {
                notes = Enumerable.Range(0, 1001).Select(i => new { title = "t", description = "d" }).ToArray(),
                userDetails = new
                {
                    picture = "https://example.com/" + new string('p', 2048),
                    name = new string('n', 257),
                    tags = Enumerable.Range(0, 101).Select(i => $"t{i}").ToArray(),
                    attributes = new[] { new { key = "k", value = new string('v', 1001) } },
                },
            },
        })).Expect(HttpStatusCode.BadRequest);

        Assert.Contains("attributes must hold at most 1000 items.", reply.Messages);
        Assert.Contains("profile.notes must hold at most 1000 items.", reply.Messages);
        Assert.Contains("profile.userDetails.picture must be at most 2048 characters.", reply.Messages);
        Assert.Contains("profile.userDetails.name must be at most 256 characters.", reply.Messages);
        Assert.Contains("profile.userDetails.tags must hold at most 100 items.", reply.Messages);
        Assert.Contains("profile.userDetails.attributes[0].value must be at most 1000 characters.", reply.Messages);
    }

    [Fact]
    public async Task The_lead_PUT_and_the_import_name_the_same_rules_with_the_same_words()
    {
        await using var emulator = new EmulatorFactory();
        var lead = (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("u", new { email = "nope", dialCode = "+12345", picture = "x" })))
            .Expect(HttpStatusCode.BadRequest);
        var import = (await emulator.Inbox().ImportAsync(new[]
        {
            new { profile = new { userDetails = new { picture = "x", contact = new { email = "nope", phone = new { number = "1", prefix = "+12345" } } } } },
        })).Expect(HttpStatusCode.BadRequest);

        string Rule(string message) => message[(message.IndexOf(' ') + 1)..];
        Assert.Equal(lead.Messages.Select(Rule).Order(), import.Messages.Select(Rule).Order());
    }

    [Fact]
    public async Task A_lead_PUT_that_would_pass_a_chats_note_limit_gets_400_and_changes_nothing()
    {
        await using var emulator = new EmulatorFactory();
        var chat = await emulator.SeedAsync(c =>
        {
            c.Name = "Ann";
            c.Notes = Enumerable.Range(0, 999).Select(i => new ChatNote { Id = $"{i:x24}", Title = "t" }).ToList();
        });

        var reply = (await emulator.Inbox().PutLeadAsync(InboxClient.Lead(chat.Uuid, new
        {
            name = "Changed",
            notes = new[] { new { title = "a", description = "" }, new { title = "b", description = "" } },
        }))).Expect(HttpStatusCode.BadRequest);

        Assert.Equal(["notes: the chat holds 999 notes and 2 more would pass its limit of 1000."], reply.Messages);
        var stored = (await emulator.Inbox().AllContactsAsync()).Single();
        Assert.Equal("Ann", stored["profile"]!["userDetails"]!["name"]!.GetValue<string>());
        Assert.Equal(999, stored["profile"]!["notes"]!.AsArray().Count);
    }

    [Fact]
    public async Task Upserting_attributes_past_a_chats_limit_gets_400_on_both_endpoints()
    {
        await using var emulator = new EmulatorFactory();
        var chat = await emulator.SeedAsync(c =>
            c.Attributes = Enumerable.Range(0, 1000).Select(i => new ChatAttribute { Key = $"k{i}", Value = "v" }).ToList());

        var lead = (await emulator.Inbox().PutLeadAsync(InboxClient.Lead(chat.Uuid, new { attributes = new[] { new { key = "new", value = "v" } } })))
            .Expect(HttpStatusCode.BadRequest);
        var update = (await emulator.Inbox().UpdateContactAsync(chat.Id, new { attributes = new[] { new { key = "new", value = "v" } } }))
            .Expect(HttpStatusCode.BadRequest);

        Assert.Equal(["attributes: the chat would hold 1001 attributes, over its limit of 1000."], lead.Messages);
        Assert.Equal(lead.Messages, update.Messages);
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead(chat.Uuid, new { attributes = new[] { new { key = "k1", value = "changed" } } }))).ExpectOk();
    }
}
