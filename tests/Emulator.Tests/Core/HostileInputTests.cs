using System.Net;
using System.Text.Json;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Core;

/// <summary>Input that once slipped through: each case got a 500, a silent empty answer, or matched everything.</summary>
public sealed class HostileInputTests
{
    [Theory]
    [InlineData("botId=a&botId=b&customerId=64b7f0c2a1d3e4f5a6b7c8d9&page=1&type=lead", "botId", 2)]
    [InlineData("botId=a&customerId=64b7f0c2a1d3e4f5a6b7c8d9&page=1&page=2&page=3&type=lead", "page", 3)]
    public async Task A_query_parameter_given_more_than_once_gets_400_naming_it(string query, string name, int times)
    {
        await using var emulator = new EmulatorFactory();
        var reply = (await emulator.Inbox().ListChatsRawAsync(query)).Expect(HttpStatusCode.BadRequest);
        Assert.Equal([$"Query parameter '{name}' is given {times} times: send it once."], reply.Messages);
    }

    [Fact]
    public async Task A_repeated_botId_on_the_import_gets_400_and_nothing_is_imported()
    {
        await using var emulator = new EmulatorFactory();
        var body = new StringContent(JsonSerializer.Serialize(new[] { InboxClient.ImportItem("A", email: "a@example.com") }),
            System.Text.Encoding.UTF8, "application/json");
        (await emulator.Inbox().SendAsync(HttpMethod.Post, "/inbox/users/import?botId=a&botId=b", body, null)).Expect(HttpStatusCode.BadRequest);
        Assert.Empty(await emulator.Inbox().AllContactsAsync());
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u0000ann")]
    [InlineData("ann\nsmith")]
    [InlineData("\u001f")]
    public async Task SearchText_with_control_characters_gets_400_instead_of_matching_everything(string text)
    {
        await using var emulator = new EmulatorFactory();
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("u", new { name = "Ann Smith" }))).ExpectOk();

        var reply = (await emulator.Inbox().SearchAsync(new { searchText = text })).Expect(HttpStatusCode.BadRequest);

        Assert.Equal(["searchText must not hold control characters (such as U+0000 or a line break)."], reply.Messages);
    }

    [Fact]
    public async Task Tokens_in_malformed_header_lines_never_reach_a_log_even_at_Trace_level()
    {
        await using var emulator = new EmulatorFactory(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore.Server.Kestrel.BadRequests"] = "Trace",
        }, kestrel: true, captureLogs: true);
        var token = EmulatorFactory.DevToken;
        string[] malformed =
        [
            $"Authorization Bearer {token}",
            $"x-bp-token : {token}",
            $"Authorization: Bearer {token}\u0001",
        ];

        foreach (var line in malformed)
        {
            var response = await emulator.SendRawAsync(System.Text.Encoding.Latin1.GetBytes(
                $"GET /inbox/segments HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n{line}\r\n\r\n"));
            Assert.StartsWith("HTTP/1.1 4", response);
        }

        Assert.NotEmpty(emulator.Logs!.Lines);
        Assert.DoesNotContain(emulator.Logs.Lines, l => l.Contains(token[..40]));
    }
}
