using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Emulator.Tests.Infrastructure;

/// <summary>A real HTTP receiver on a free loopback port (Kestrel), recording every POST it gets under any path.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The receiver's base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl => _app.Urls.First();

    /// <summary>What each path received, in order.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<JsonNode>> Received { get; } = new();

    /// <summary>The Content-Length header of each request (null when the body came chunked), in order.</summary>
    public ConcurrentQueue<long?> ContentLengths { get; } = new();

    /// <summary>The status every answer gets (200 unless set).</summary>
    public int Status { get; set; } = 200;

    /// <summary>When set, each answer waits a random 0 to this many ms first, so that deliveries sent side by side would
    /// arrive out of order.</summary>
    public int JitterMs { get; set; }

    /// <summary>The URL of <paramref name="path"/> on this receiver.</summary>
    public string Url(string path) => $"{BaseUrl}/{path}";

    /// <summary>What <paramref name="path"/> received so far.</summary>
    public IReadOnlyList<JsonNode> At(string path) => Received.TryGetValue("/" + path, out var queue) ? queue.ToList() : [];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            if (receiver.JitterMs > 0)
            {
                await Task.Delay(Random.Shared.Next(receiver.JitterMs + 1));
            }

            receiver.ContentLengths.Enqueue(http.Request.ContentLength);
            var body = await JsonNode.ParseAsync(http.Request.Body) ?? new JsonObject();
            receiver.Received.GetOrAdd(http.Request.Path.Value!, _ => new ConcurrentQueue<JsonNode>()).Enqueue(body);
            return Results.StatusCode(receiver.Status);
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
