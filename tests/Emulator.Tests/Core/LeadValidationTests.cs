using System.Net;
using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Core;

public sealed class LeadValidationTests
{
    public static TheoryData<string, string> InvalidFields => new()
    {
        { """{"botId":"b","customerId":"64b7f0c2a1d3e4f5a6b7c8d9"}""", "uuid is required." },
        { """{"uuid":"","botId":"b","customerId":"64b7f0c2a1d3e4f5a6b7c8d9"}""", "uuid is required." },
        { """{"uuid":"u","customerId":"64b7f0c2a1d3e4f5a6b7c8d9"}""", "botId is required." },
        { """{"uuid":"u","botId":"b"}""", "customerId is required." },
        { """{"uuid":"u","botId":"b","customerId":"64b7f0c2a1d3e4f5a6b7c8d9","status":"open"}""", "status 'open' is not one of" },
        { """{"uuid":"u","botId":"b","customerId":"64b7f0c2a1d3e4f5a6b7c8d9","status":"DEPENDENCY"}""", "status 'DEPENDENCY'" },
        { """{"uuid":"u","botId":"b","customerId":"64b7f0c2a1d3e4f5a6b7c8d9","email":"not-an-email"}""", "email 'not-an-email' is not a valid email address." },
        { """{"uuid":"u","botId":"b","customerId":"64b7f0c2a1d3e4f5a6b7c8d9","email":"a@b"}""", "is not a valid email address" },
        { """{"uuid":"u","botId":"b","customerId":"64b7f0c2a1d3e4f5a6b7c8d9","picture":"my-picture"}""", "picture 'my-picture' is not an absolute http(s) URL." },
        { """{"uuid":"u","botId":"b","customerId":"64b7f0c2a1d3e4f5a6b7c8d9","picture":"ftp://x.org/a.png"}""", "is not an absolute http(s) URL" },
        { """{"uuid":"u","botId":"b","customerId":"64b7f0c2a1d3e4f5a6b7c8d9","dialCode":"+12345"}""", "dialCode '+12345' must be a dial code: 1 to 4 digits" },
        { """{"uuid":"u","botId":"b","customerId":"64b7f0c2a1d3e4f5a6b7c8d9","dialCode":"+"}""", "dialCode '+'" },
        { """{"uuid":"u","botId":"b","customerId":"64b7f0c2a1d3e4f5a6b7c8d9","phone":"98765x43210"}""", "phone '98765x43210' must be a phone number: 1 to 20 digits" },
        { """{"uuid":"u","botId":"b","customerId":"64b7f0c2a1d3e4f5a6b7c8d9","phone":"91+9876543210"}""", "phone '91+9876543210' must be a phone number" },
        { """{"uuid":"u","botId":"b","customerId":"64b7f0c2a1d3e4f5a6b7c8d9","phone":"+ -"}""", "phone '+ -' must be a phone number" },
        { """{"uuid":"u","botId":"b","customerId":"64b7f0c2a1d3e4f5a6b7c8d9","phone":"123456789012345678901"}""", "1 to 20 digits" },
        { """{"uuid":"u","botId":"b","customerId":"64b7f0c2a1d3e4f5a6b7c8d9","tags":["ok",""]}""", "tags[1] must be a non-empty string." },
        { """{"uuid":"u","botId":"b","customerId":"64b7f0c2a1d3e4f5a6b7c8d9","tags":[null]}""", "tags[0] must be a non-empty string." },
        { """{"uuid":"u","botId":"b","customerId":"64b7f0c2a1d3e4f5a6b7c8d9","attributes":[{"key":"","value":"v"}]}""", "attributes[0].key must be a non-empty string." },
        { """{"uuid":"u","botId":"b","customerId":"64b7f0c2a1d3e4f5a6b7c8d9","attributes":[{"value":"v"}]}""", "attributes[0].key must be a non-empty string." },
        { """{"uuid":"u","botId":"b","customerId":"64b7f0c2a1d3e4f5a6b7c8d9","notes":[null]}""", "notes[0] must be an object {title, description}." },
        { """{"uuid":"u","botId":"b","customerId":"64b7f0c2a1d3e4f5a6b7c8d9","attributes":[null]}""", "attributes[0] must be an object {key, value}." },
    };

    public static TheoryData<string, string> WrongJsonTypes => new()
    {
        { """{"uuid":"u","botId":"b","customerId":"c","agentId":true}""", "agentId must be a string (the assigned agent's id; the docs' 'Boolean' type is a misprint)." },
        { """{"uuid":5,"botId":"b","customerId":"c"}""", "uuid must be a string." },
        { """{"uuid":"u","botId":"b","customerId":"c","phone":9876543210}""", "phone must be a string." },
        { """{"uuid":"u","botId":"b","customerId":"c","tags":"a,b"}""", "tags must be an array of strings (a list of strings)." },
        { """{"uuid":"u","botId":"b","customerId":"c","notes":"a note"}""", "notes must be an array of objects (a list of {title, description})." },
        { """{"uuid":"u","botId":"b","customerId":"c","notes":[{"title":5}]}""", "notes[0].title must be a string." },
        { """{"uuid":"u","botId":"b","customerId":"c","attributes":[{"key":"k","value":42}]}""", "attributes[0].value must be a string." },
        { """{"uuid":"u","botId":"b","customerId":"c","attributes":{"key":"k"}}""", "attributes must be an array of objects (a list of {key, value})." },
        { """[{"uuid":"u"}]""", "The request body must be a JSON object." },
        { """{"uuid":"u",""", "The request body is not valid JSON" },
        { "", "The request body is empty" },
        { "null", "The request body must be a JSON object." },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Invalid_fields_get_400_with_one_message_per_problem_and_write_nothing(string body, string expected)
    {
        await using var emulator = new EmulatorFactory();
        var reply = (await emulator.Inbox().PutLeadRawAsync(body)).Expect(HttpStatusCode.BadRequest);

        Assert.Equal("Validation failed", reply.Json["message"]!.GetValue<string>());
        Assert.Contains(reply.Messages, m => m.Contains(expected));
        Assert.Empty((await emulator.Inbox().SearchAsync(new { page = 1 })).ExpectOk().Data);
    }

    [Theory]
    [MemberData(nameof(WrongJsonTypes))]
    public async Task Malformed_or_mistyped_JSON_gets_400_naming_the_field(string body, string expected)
    {
        await using var emulator = new EmulatorFactory();
        var reply = (await emulator.Inbox().PutLeadRawAsync(body)).Expect(HttpStatusCode.BadRequest);
        Assert.StartsWith(expected, Assert.Single(reply.Messages));
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        await using var emulator = new EmulatorFactory();
        var reply = (await emulator.Inbox().PutLeadRawAsync(
            """{"uuid":"","status":"x","email":"y","picture":"z","dialCode":"w","phone":"v"}""")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(8, reply.Messages.Count);
    }

    [Fact]
    public async Task Over_long_strings_and_lists_are_rejected()
    {
        await using var emulator = new EmulatorFactory();
        var reply = (await emulator.Inbox().PutLeadAsync(InboxClient.Lead(new string('u', 129), new
        {
            name = new string('n', 257),
            tags = Enumerable.Range(0, 101).Select(i => $"t{i}").ToArray(),
            notes = new[] { new { title = new string('t', 257), description = "d" } },
            attributes = new[] { new { key = new string('k', 101), value = "v" } },
        }))).Expect(HttpStatusCode.BadRequest);

        Assert.Contains("uuid must be at most 128 characters.", reply.Messages);
        Assert.Contains("name must be at most 256 characters.", reply.Messages);
        Assert.Contains("tags must hold at most 100 items.", reply.Messages);
        Assert.Contains("notes[0].title must be at most 256 characters.", reply.Messages);
        Assert.Contains("attributes[0].key must be at most 100 characters.", reply.Messages);
    }

    [Fact]
    public async Task An_over_large_body_gets_413_in_the_envelope()
    {
        await using var emulator = new EmulatorFactory(new Dictionary<string, string?> { ["Emulator:MaxBodyBytes"] = "4096" });
        var reply = (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("big", new { name = new string('n', 5000) })))
            .Expect(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("4096 bytes", reply.Messages[0]);
    }

    [Theory]
    [InlineData("OPEN")]
    [InlineData("INPROGRESS")]
    [InlineData("REVIEW")]
    [InlineData("ONHOLD")]
    [InlineData("DEPENDANCY")]
    [InlineData("CLOSED")]
    public async Task Every_documented_status_is_accepted_and_stored(string status)
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("u", new { name = "n", status }))).ExpectOk();
        var chat = (await emulator.Inbox().ListChatsAsync()).ExpectOk().Data.Single()!;
        Assert.Equal(status, chat["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("+91", "91")]
    [InlineData("91", "91")]
    [InlineData("+1", "1")]
    [InlineData("+1684", "1684")]
    public async Task The_dial_code_is_accepted_with_or_without_plus_and_stored_without(string dialCode, string prefix)
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("u", new { phone = "9876543210", dialCode }))).ExpectOk();
        var phone = (await emulator.Inbox().ListChatsAsync()).ExpectOk().Data.Single()!["profile"]!["userDetails"]!["contact"]!["phone"]!;
        Assert.Equal(prefix, phone["prefix"]!.GetValue<string>());
        Assert.Equal("9876543210", phone["number"]!.GetValue<string>());
    }

    [Fact]
    public async Task Valid_email_picture_and_unknown_extra_fields_are_accepted()
    {
        await using var emulator = new EmulatorFactory();
        var body = (JsonObject)InboxClient.Lead("u", new { email = "first.last+tag@mail.example.co.uk", picture = "http://cdn.example.com/a.png?x=1" });
        body["somethingElse"] = 1;
        (await emulator.Inbox().PutLeadAsync(body)).ExpectOk();
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_content_gets_415_in_the_envelope()
    {
        await using var emulator = new EmulatorFactory();
        var reply = await emulator.Inbox().SendAsync(HttpMethod.Put, "/inbox/direct/lead",
            new StringContent("uuid=u", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"), "x-bp-token");
        reply.Expect(HttpStatusCode.UnsupportedMediaType);
    }
}
