using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Reliability;

/// <summary>Body limits on every body endpoint, and tokens that never reach a log or a response.</summary>
[Collection(ReliabilitySuite.Name)]
[Trait("Category", "Reliability")]
public sealed class LimitsAndSecretsTests
{
    private static readonly (string Method, string Path)[] BodyEndpoints =
    [
        ("PUT", "/inbox/direct/lead"), ("POST", "/inbox/users"), ("POST", "/inbox/users/import"),
        ("PUT", "/inbox/users/status-update"), ("PUT", "/inbox/users/ffffffffffffffffffffffff"),
    ];

    [Fact]
    public async Task A_body_one_byte_over_the_limit_gets_413_and_one_at_the_limit_is_read_whether_sized_or_chunked()
    {
        await using var server = await ReliabilityServer.StartAsync(new Dictionary<string, string> { ["Emulator__MaxBodyBytes"] = "4096" });
        using var client = server.Client();
        foreach (var (method, path) in BodyEndpoints)
        {
            foreach (var chunked in new[] { false, true })
            {
                Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await SendAsync(client, method, path, Padded(4097), chunked));
                Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, await SendAsync(client, method, path, Padded(4096), chunked));
            }
        }
    }

    [Fact]
    public async Task Tokens_never_reach_the_Debug_log_nor_any_response()
    {
        await using var server = await ReliabilityServer.StartAsync();
        var responses = new StringBuilder();
        foreach (var token in new[] { EmulatorFactory.DevToken, ReliabilityServer.OtherToken, "Wrong" + EmulatorFactory.DevToken[5..] })
        {
            using var client = server.Client(token);
            foreach (var (method, path) in BodyEndpoints)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{\"page\":1}", Encoding.UTF8, "application/json") };
                using var reply = await client.SendAsync(request);
                responses.Append(await reply.Content.ReadAsStringAsync()).Append(string.Join(",", reply.Headers.SelectMany(h => h.Value)));
            }

            responses.Append(await client.GetStringAsync("/inbox/segments").ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : ""));
        }

        foreach (var secret in new[] { EmulatorFactory.DevToken[..40], ReliabilityServer.OtherToken[..40], EmulatorFactory.DevToken[5..45] })
        {
            Assert.DoesNotContain(secret, responses.ToString());
            Assert.DoesNotContain(server.Process.Output, line => line.Contains(secret));
        }
    }

    private static string Padded(int bytes)
    {
        var prefix = "{\"page\":1,\"pad\":\"";
        return prefix + new string('p', bytes - prefix.Length - 2) + "\"}";
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string method, string path, string body, bool chunked)
    {
        Assert.Equal(body.Length, Encoding.UTF8.GetByteCount(body));
        HttpContent content = chunked
            ? new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)))
            : new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (chunked)
        {
            content.Headers.ContentLength = null;
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
        request.Headers.TransferEncodingChunked = chunked;
        using var reply = await client.SendAsync(request);
        if (reply.StatusCode == HttpStatusCode.RequestEntityTooLarge)
        {
            using var envelope = JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
            Assert.Equal(413, envelope.RootElement.GetProperty("code").GetInt32());
        }

        return reply.StatusCode;
    }
}
