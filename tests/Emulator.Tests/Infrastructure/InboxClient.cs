using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Emulator.Tests.Infrastructure;

/// <summary>
/// An HTTP client of the emulated API, sending what real clients send. <paramref name="observe"/>, when given, sees
/// every reply with the token and request that produced it (the factory uses it for the contact round-trip property).
/// </summary>
public sealed class InboxClient(HttpClient http, string token, Action<string, HttpMethod, string, Reply>? observe = null)
{
    public HttpClient Http { get; } = http;

    public static object Lead(string uuid, object? extra = null, string botId = EmulatorFactory.DevBotId,
        string customerId = EmulatorFactory.DevCustomerId)
    {
        var body = new JsonObject { ["uuid"] = uuid, ["botId"] = botId, ["customerId"] = customerId };
        if (extra is not null)
        {
            foreach (var (key, value) in JsonSerializer.SerializeToNode(extra)!.AsObject())
            {
                body[key] = value?.DeepClone();
            }
        }

        return body;
    }

    public Task<Reply> PutLeadAsync(object body, string header = "x-bp-token") =>
        SendAsync(HttpMethod.Put, "/inbox/direct/lead", Json(body), header);

    public Task<Reply> PutLeadRawAsync(string json, string header = "x-bp-token") =>
        SendAsync(HttpMethod.Put, "/inbox/direct/lead", new StringContent(json, Encoding.UTF8, "application/json"), header);

    public Task<Reply> ListChatsAsync(string type = "lead", int page = 1, string botId = EmulatorFactory.DevBotId,
        string customerId = EmulatorFactory.DevCustomerId, string header = "x-bot-token") =>
        ListChatsRawAsync($"botId={botId}&customerId={customerId}&page={page}&type={type}", header);

    public Task<Reply> ListChatsRawAsync(string query, string header = "x-bot-token") =>
        SendAsync(HttpMethod.Get, $"/inbox/direct/chats?{query}", null, header);

    public Task<Reply> SearchAsync(object body) => SendAsync(HttpMethod.Post, "/inbox/users", Json(body), null);

    public Task<Reply> ImportAsync(object contacts) => SendAsync(HttpMethod.Post, "/inbox/users/import", Json(contacts), null);

    public Task<Reply> UpdateContactAsync(string id, object contact) =>
        SendAsync(HttpMethod.Put, $"/inbox/users/{id}", Json(contact), null);

    public Task<Reply> UpdateStatusAsync(IEnumerable<string> ids, string status) =>
        SendAsync(HttpMethod.Put, "/inbox/users/status-update", Json(new { ids, status }), null);

    public Task<Reply> ListSegmentsAsync() => SendAsync(HttpMethod.Get, "/inbox/segments", null, null);

    /// <summary>Every contact, paging as real clients do: from page 1 until a page comes back empty.</summary>
    public async Task<List<JsonNode>> AllContactsAsync(object? filters = null)
    {
        var all = new List<JsonNode>();
        for (var page = 1; ; page++)
        {
            var body = JsonSerializer.SerializeToNode(filters ?? new { })!.AsObject();
            body["page"] = page;
            var data = (await SearchAsync(body)).ExpectOk().Data;
            if (data.Count == 0)
            {
                return all;
            }

            all.AddRange(data.Select(d => d!.DeepClone()));
        }
    }

    public static object ImportItem(string name, string? email = null, string? number = null, string? prefix = null,
        string[]? tags = null, object[]? attributes = null) => new
        {
            profile = new
            {
                userDetails = new
                {
                    userProvidedName = name,
                    contact = new { email, phone = new { number, prefix } },
                    tags = tags ?? [],
                    attributes = attributes ?? [],
                },
            },
        };

    public Task<Reply> SearchRawAsync(string json) =>
        SendAsync(HttpMethod.Post, "/inbox/users", new StringContent(json, Encoding.UTF8, "application/json"), null);

    /// <summary>Sends with the token in <paramref name="header"/>, or as Bearer with authtype: Key when null.</summary>
    public async Task<Reply> SendAsync(HttpMethod method, string path, HttpContent? content, string? header)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (header is null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Add("authtype", "Key");
        }
        else
        {
            request.Headers.Add(header, token);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        OpenApiContract.Check(method, path, (int)response.StatusCode, text);
        AssertNoNull(text, $"{method} {path}");
        var reply = new Reply(response.StatusCode, text, response.Content.Headers.ContentType?.MediaType);
        observe?.Invoke(token, method, path, reply);
        return reply;
    }

    /// <summary>The platform never answers null for a value (README, "Values before anything sets them"): any JSON
    /// body of the emulated surface holding a null fails the test that received it.</summary>
    public static void AssertNoNull(string text, string request)
    {
        if (text.Length == 0 || text[0] is not ('{' or '['))
        {
            return;
        }

        var nulls = NullPaths(JsonNode.Parse(text), "$").ToList();
        Assert.True(nulls.Count == 0, $"{request} answered null at {string.Join(", ", nulls)}: {text}");
    }

    private static IEnumerable<string> NullPaths(JsonNode? node, string path) => node switch
    {
        null => [path],
        JsonObject o => o.SelectMany(p => NullPaths(p.Value, $"{path}.{p.Key}")),
        JsonArray a => a.SelectMany((item, i) => NullPaths(item, $"{path}[{i}]")),
        _ => [],
    };

    private static StringContent Json(object body) =>
        new(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}

/// <summary>A response: status, raw text and the parsed JSON body.</summary>
public sealed record Reply(HttpStatusCode Status, string Text, string? MediaType)
{
    public JsonNode Json => JsonNode.Parse(Text) ?? throw new InvalidOperationException("null body");

    public JsonArray Data => Json["data"]!.AsArray();

    public IReadOnlyList<string> Messages => Data.Select(m => m!.GetValue<string>()).ToList();

    /// <summary>Asserts the status and, for failures, the platform's error envelope.</summary>
    public Reply Expect(HttpStatusCode status)
    {
        Assert.True(status == Status, $"Expected {(int)status}, got {(int)Status}: {Text}");
        if ((int)status >= 400)
        {
            var body = Json.AsObject();
            Assert.Equal(["success", "message", "data", "code"], body.Select(p => p.Key));
            Assert.False(body["success"]!.GetValue<bool>());
            Assert.Equal((int)status, body["code"]!.GetValue<int>());
            Assert.NotEmpty(Messages);
        }

        return this;
    }

    public Reply ExpectOk() => Expect(HttpStatusCode.OK);
}
