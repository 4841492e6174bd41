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

    [Fact]
    public void An_undeclared_status_fails_the_check() =>
        Assert.ThrowsAny<XunitException>(() =>
            OpenApiContract.Check(HttpMethod.Get, "/inbox/direct/chats", 418, """{"success":false}"""));
}
