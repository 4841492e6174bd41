using Emulator.Common;
using Emulator.Tenants;
using Microsoft.Extensions.Options;

namespace Emulator.Journal;

/// <summary>
/// Records every request to the emulated surface in the <see cref="RequestJournal"/> (the emulator's own paths and
/// <c>GET /</c> are not recorded). Sits inside response compression and outside every other middleware, so it sees the
/// answer the client gets, faults and errors included. Token values never reach the journal: the headers
/// <c>Authorization</c>, <c>x-bp-token</c>, <c>x-bot-token</c>, <c>apiKey</c>, <c>x-emulator-admin-key</c> and
/// <c>Cookie</c>, and an <c>apiKey</c> query parameter, are kept as <c>[redacted]</c>.
/// </summary>
public sealed class JournalMiddleware(RequestDelegate next, RequestJournal journal, TenantDirectory tenants,
    TimeProvider clock, IOptions<EmulatorOptions> options)
{
    /// <summary>Item key under which the fault middleware names the rule that shaped a request's answer.</summary>
    public const string FaultItem = "Emulator.Fault";

    private const string Redacted = "[redacted]";

    private static readonly HashSet<string> Secret = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", TokenHeader.Lead, TokenHeader.Chats, "apiKey", Control.AdminKey.Header, "Cookie",
    };

    /// <summary>Runs the request and records it.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        if (options.Value.JournalCapacity == 0 || !InboxExceptionHandler.IsEmulatedSurface(context) || context.Request.Path == "/")
        {
            await next(context);
            return;
        }

        var at = TimeProvider.System.GetUtcNow();
        var started = clock.GetTimestamp();
        var limit = options.Value.JournalBodyBytes;
        context.Request.EnableBuffering();
        var original = context.Response.Body;
        await using var capture = new CaptureStream(original, limit);
        context.Response.Body = capture;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
            var (body, cut) = await ReadRequestBodyAsync(context.Request, limit);
            var status = context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted ? 0 : context.Response.StatusCode;
            journal.Add(id => new JournalEntry(
                id,
                at,
                context.Request.Method,
                context.Request.Path.Value ?? "",
                RedactedQuery(context.Request),
                context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => Secret.Contains(h.Key) ? Mask(h.Key, h.Value.ToString()) : h.Value.ToString()),
                body,
                status,
                capture.Length == 0 ? null : capture.Bytes(),
                clock.GetElapsedTime(started).TotalMilliseconds,
                (InboxAuthentication.TenantOf(context) ?? tenants.FindInRequest(context))?.CustomerId,
                context.Items[FaultItem] as string,
                cut || capture.Truncated));
        }
    }

    private static string Mask(string name, string value) =>
        name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && value.IndexOf(' ') is > 0 and var space
            ? $"{value[..space]} {Redacted}"
            : Redacted;

    private static string RedactedQuery(HttpRequest request) =>
        request.Query.Count == 0 ? "" : QueryString.Create(request.Query.SelectMany(p => p.Value.Select(v =>
            new KeyValuePair<string, string?>(p.Key, Secret.Contains(p.Key) ? Redacted : v)))).Value ?? "";

    private static async Task<(byte[]? Body, bool Truncated)> ReadRequestBodyAsync(HttpRequest request, int limit)
    {
        try
        {
            request.Body.Position = 0;

            // A pooled buffer: a new one of the body limit (64 KiB by default) for every request, bodiless GETs
            // included, was most of the journal's garbage and made the heap grow under load (README, "Performance").
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(limit + 1);
            try
            {
                var read = 0;
                int n;
                while (read < limit + 1 && (n = await request.Body.ReadAsync(buffer.AsMemory(read, limit + 1 - read))) > 0)
                {
                    read += n;
                }

                return read == 0 ? (null, false) : (buffer.AsSpan(0, Math.Min(read, limit)).ToArray(), read > limit);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or BadHttpRequestException or NotSupportedException or OperationCanceledException)
        {
            // A body the server could not read (too large, malformed framing, a dropped connection) is not kept.
            return (null, false);
        }
    }

    /// <summary>Passes writes through to the response and keeps the first <c>limit</c> bytes.</summary>
    private sealed class CaptureStream(Stream inner, int limit) : Stream
    {
        private readonly MemoryStream _kept = new();

        /// <summary>A copy of the bytes kept, of their exact length.</summary>
        public byte[] Bytes() => _kept.ToArray();

        public bool Truncated { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _kept.Length;

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Keep(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private void Keep(ReadOnlySpan<byte> data)
        {
            var room = limit - (int)_kept.Length;
            if (data.Length > room)
            {
                Truncated = true;
            }

            _kept.Write(data[..Math.Min(room, data.Length)]);
        }
    }
}
