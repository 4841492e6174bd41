using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Core;

/// <summary>How a request body is read on every body endpoint: media type, encoding, depth, framing, and order of checks.</summary>
public sealed class RequestBodyTests
{
    /// <summary>Every body endpoint, with a body it accepts.</summary>
    public static TheoryData<string, string, string> BodyEndpoints() => new()
    {
        { "PUT", "/inbox/direct/lead", """{"uuid":"u","botId":"b","customerId":"64b7f0c2a1d3e4f5a6b7c8d9","name":"Ann"}""" },
        { "POST", "/inbox/users", """{"page":1}""" },
        { "POST", "/inbox/users/import", """[{"profile":{"userDetails":{"contact":{"email":"a@example.com"}}}}]""" },
        { "PUT", "/inbox/users/status-update", """{"ids":["000000000000000000000000"],"status":"OPEN"}""" },
        { "PUT", "/inbox/users/000000000000000000000000", """{"status":"OPEN"}""" },
    };

    private static HttpContent Body(string json, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return content;
    }

    /// <summary>The status a valid body gets on each endpoint with an empty database (unknown ids are 404).</summary>
    private static HttpStatusCode Accepted(string path) =>
        path.StartsWith("/inbox/users/0") || path.EndsWith("status-update") ? HttpStatusCode.NotFound : HttpStatusCode.OK;

    [Theory]
    [MemberData(nameof(BodyEndpoints))]
    public async Task A_body_without_a_JSON_content_type_gets_415_on_every_body_endpoint(string method, string path, string json)
    {
        await using var emulator = new EmulatorFactory();
        foreach (var contentType in new string?[] { null, "", "/json", "text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1", "application/jsonx" })
        {
            var reply = (await emulator.Inbox().SendAsync(new HttpMethod(method), path, Body(json, contentType), null))
                .Expect(HttpStatusCode.UnsupportedMediaType);
            Assert.Contains("Content-Type", reply.Messages[0]);
        }

        foreach (var contentType in new[] { "application/json", "Application/JSON; charset=UTF-8", "application/json;charset=utf-8" })
        {
            (await emulator.Inbox().SendAsync(new HttpMethod(method), path, Body(json, contentType), null)).Expect(Accepted(path));
        }
    }

    [Theory]
    [MemberData(nameof(BodyEndpoints))]
    public async Task The_token_is_checked_before_the_media_type_and_the_body(string method, string path, string json)
    {
        await using var emulator = new EmulatorFactory();
        var stranger = emulator.Inbox("unknown-token");
        (await stranger.SendAsync(new HttpMethod(method), path, Body(json, "text/plain"), null)).Expect(HttpStatusCode.Unauthorized);
        (await stranger.SendAsync(new HttpMethod(method), path, Body("{not json", "application/json"), null)).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_request_with_an_unknown_token_is_answered_without_reading_its_body()
    {
        await using var emulator = new EmulatorFactory(kestrel: true);
        // Headers promise a megabyte that never comes: an emulator that read the body first would wait for it.
        var request = "PUT /inbox/direct/lead HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
            + "x-bp-token: unknown-token\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{";

        var response = await emulator.SendRawAsync(Encoding.ASCII.GetBytes(request), until: "\"code\":401");

        Assert.StartsWith("HTTP/1.1 401", response);
    }

    [Theory]
    [MemberData(nameof(BodyEndpoints))]
    public async Task A_UTF8_byte_order_mark_before_the_JSON_is_accepted(string method, string path, string json)
    {
        await using var emulator = new EmulatorFactory();
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(json)).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        (await emulator.Inbox().SendAsync(new HttpMethod(method), path, content, null)).Expect(Accepted(path));
    }

    [Fact]
    public async Task JSON_nested_deeper_than_64_levels_is_called_too_deep_and_64_levels_are_accepted()
    {
        await using var emulator = new EmulatorFactory();
        string Lead(int depth) => """{"uuid":"u","botId":"b","customerId":"64b7f0c2a1d3e4f5a6b7c8d9","extra":"""
            + new string('[', depth - 1) + new string(']', depth - 1) + "}";

        (await emulator.Inbox().PutLeadRawAsync(Lead(64))).ExpectOk();
        var reply = (await emulator.Inbox().PutLeadRawAsync(Lead(65))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["The request body nests JSON deeper than 64 levels."], reply.Messages);

        var invalid = (await emulator.Inbox().PutLeadRawAsync(Lead(65)[..^2])).Expect(HttpStatusCode.BadRequest);
        Assert.StartsWith("The request body is not valid JSON", invalid.Messages[0]);
    }

    [Theory]
    [InlineData("ffffffffffffffffffff")]
    [InlineData("zz")]
    public async Task A_malformed_chunked_body_gets_400_in_the_envelope(string chunkSize)
    {
        await using var emulator = new EmulatorFactory(kestrel: true);
        var request = "PUT /inbox/direct/lead HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
            + $"x-bp-token: {EmulatorFactory.DevToken}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + $"{chunkSize}\r\n{{}}\r\n0\r\n\r\n";

        var response = await emulator.SendRawAsync(Encoding.ASCII.GetBytes(request));

        Assert.StartsWith("HTTP/1.1 400", response);
        Assert.Contains("\"success\":false", response);
        Assert.Contains("\"code\":400", response);
    }
}
