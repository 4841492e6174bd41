using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Emulator.Tests.Infrastructure;

/// <summary>Calls the emulator's control surface (<c>/_emulator</c>) as a test would over HTTP.</summary>
public sealed class ControlClient(HttpClient http, string? adminKey = null)
{
    public HttpClient Http { get; } = http;

    public Task<ControlReply> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<ControlReply> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public Task<ControlReply> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body);

    public Task<ControlReply> PutAsync(string path, object? body = null) => SendAsync(HttpMethod.Put, path, body);

    public Task<ControlReply> SendRawAsync(HttpMethod method, string path, string json) =>
        SendContentAsync(method, path, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Creates a tenant and returns its token, customer id and website bot id.</summary>
    public async Task<(string Token, string CustomerId, string BotId)> CreateTenantAsync(object? body = null)
    {
        var created = (await PostAsync("/_emulator/tenants", body ?? new { })).Expect(HttpStatusCode.Created).Json;
        return (created["token"]!.GetValue<string>(), created["customerId"]!.GetValue<string>(), created["botId"]!.GetValue<string>());
    }

    private Task<ControlReply> SendAsync(HttpMethod method, string path, object? body) =>
        SendContentAsync(method, path, body is null ? null : JsonContent.Create(body, options: System.Text.Json.JsonSerializerOptions.Web));

    private async Task<ControlReply> SendContentAsync(HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (adminKey is not null)
        {
            request.Headers.Add("x-emulator-admin-key", adminKey);
        }

        using var response = await Http.SendAsync(request);
        return new ControlReply(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed record ControlReply(HttpStatusCode Status, string Text, string? MediaType)
{
    public JsonNode Json => JsonNode.Parse(Text) ?? throw new InvalidOperationException("null body");

    public JsonArray Array => Json.AsArray();

    public ControlReply Expect(HttpStatusCode status)
    {
        Assert.True(status == Status, $"Expected {(int)status}, got {(int)Status}: {Text}");
        return this;
    }

    public ControlReply ExpectOk() => Expect(HttpStatusCode.OK);

    /// <summary>Asserts an RFC 9457 problem with <paramref name="status"/> and returns it.</summary>
    public JsonNode ExpectProblem(HttpStatusCode status)
    {
        Expect(status);
        Assert.Equal("application/problem+json", MediaType);
        Assert.Equal((int)status, Json["status"]!.GetValue<int>());
        return Json;
    }
}
