using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;
using Xunit.Sdk;

namespace Emulator.Tests.Core;

/// <summary>The contract check that every response passes through must reject what the document does not allow.</summary>
public sealed class OpenApiContractTests
{
    // A chat nothing has set yet: unset members absent, the contact block and country "".
    private const string Chat = """
        {"_id":"63d9ffa77a8d152facbe2f2f","uuid":"u","createdAt":"2023-02-01T05:59:03.533Z","isOnline":false,
         "lastMessage":{},
         "profile":{"notes":[],"userDetails":{"contact":{"email":"","phone":{"number":"","prefix":""}},
         "country":"","tags":[],"attributes":[]}},
         "status":"OPEN","updatedAt":"2023-02-01T05:59:03.533Z","websiteVisits":0}
        """;

    private static string Listing(string chat) => $$"""{"success":true,"message":"ok","data":[{{chat}}],"code":200}""";

    [Fact]
    public void A_conforming_chat_listing_passes() =>
        OpenApiContract.Check(HttpMethod.Get, "/inbox/direct/chats?page=1", 200, Listing(Chat));

    [Theory]
    [InlineData("\"status\":\"OPEN\",", "\"status\":\"OPEN\",\"extra\":1,")]
    [InlineData("\"createdAt\":\"2023-02-01T05:59:03.533Z\"", "\"createdAt\":\"2023-02-01T05:59:03Z\"")]
    [InlineData("\"_id\":\"63d9ffa77a8d152facbe2f2f\",", "")]
    [InlineData("\"isOnline\":false", "\"isOnline\":\"no\"")]
    [InlineData("\"tags\":[]", "\"tags\":null")]
    [InlineData("\"lastMessage\":{}", "\"lastMessage\":{\"text\":null}")]
    [InlineData("\"country\":\"\",", "")]
    [InlineData("\"websiteVisits\":0", "\"websiteVisits\":0,\"_agentAssigned\":null")]
    public void A_response_that_breaks_the_document_fails_the_check(string from, string to)
    {
        Assert.Contains(from, Chat);
        Assert.ThrowsAny<XunitException>(() =>
            OpenApiContract.Check(HttpMethod.Get, "/inbox/direct/chats", 200, Listing(Chat.Replace(from, to))));
    }

    public static TheoryData<string, string, string> ResponseExamples()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "OpenApi", "inbox.json")))!;
        var examples = new TheoryData<string, string, string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation!["responses"]?["200"]?["content"]?["application/json"]?["example"] is { } example)
                {
                    examples.Add(method, path, example.ToJsonString());
                }
            }
        }

        return examples;
    }

    [Theory]
    [MemberData(nameof(ResponseExamples))]
    public void Every_response_example_Swagger_UI_shows_matches_its_schema(string method, string path, string example)
    {
        OpenApiContract.Check(new HttpMethod(method.ToUpperInvariant()), path.Replace("{id}", "6650a1b2c3d4e5f6a7b8c9d0"), 200, example);
        InboxClient.AssertNoNull(example, $"{method} {path} example");
    }

    [Fact]
    public void An_undeclared_status_fails_the_check() =>
        Assert.ThrowsAny<XunitException>(() =>
            OpenApiContract.Check(HttpMethod.Get, "/inbox/direct/chats", 418, """{"success":false}"""));
}
