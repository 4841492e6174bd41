using System.Diagnostics;
using System.Net.Http.Json;
using System.Threading.Channels;
using Emulator.Common;
using Emulator.Contacts;
using Emulator.Data;
using Emulator.State;
using Emulator.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Emulator.Webhooks;

/// <summary>
/// Delivers the platform's trigger events to subscribed URLs as the platform does: <c>POST {botId, platform, data}</c>,
/// <c>data</c> being the contact as <c>POST /inbox/users</c> answers it. Events come from committed writes
/// (<see cref="IChatEventSink"/>) into a bounded queue, so a delivery never blocks or fails the call that caused it; a few
/// workers deliver them with a timeout, retrying non-2xx answers and network errors with exponential backoff, and record
/// every delivery (attempts, status, latency, last error) in a log the control surface reads and waits on. A test can
/// pause deliveries, make them fail with a status, or delay them (<see cref="WebhookControls"/>).
/// </summary>
public sealed class WebhookDispatcher : IChatEventSink, IResettable, IAsyncDisposable
{
    private const int Workers = 4;

    private readonly Channel<ChatEvent> _queue = Channel.CreateBounded<ChatEvent>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly IServiceScopeFactory _scopes;
    private readonly IHttpClientFactory _http;
    private readonly TenantDirectory _tenants;
    private readonly IOptions<EmulatorOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task[] _workers;

    /// <summary>Starts the delivery workers.</summary>
    public WebhookDispatcher(IServiceScopeFactory scopes, IHttpClientFactory http, TenantDirectory tenants, IOptions<EmulatorOptions> options, TimeProvider clock,
        ILogger<WebhookDispatcher> logger)
    {
        _logger = logger;
        _scopes = scopes;
        _http = http;
        _tenants = tenants;
        _options = options;
        _clock = clock;
        Deliveries = new WaitableLog<WebhookDelivery>(() => Math.Max(options.Value.JournalCapacity, 1));
        _workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(RunAsync)).ToArray();
    }

    /// <summary>Every delivery, oldest first, bounded like the request journal.</summary>
    public WaitableLog<WebhookDelivery> Deliveries { get; }

    /// <summary>The test's switches: pause, fail, delay.</summary>
    public WebhookControls Controls { get; } = new();

    /// <inheritdoc />
    public void Publish(IReadOnlyList<ChatEvent> events)
    {
        foreach (var e in events)
        {
            _queue.Writer.TryWrite(e);
        }
    }

    /// <inheritdoc />
    public void Reset(string? customerId)
    {
        ClearDeliveries(customerId);
        if (customerId is null)
        {
            Controls.Set(false, null, null);
        }
    }

    /// <summary>A restored snapshot: the delivery log and the events still waiting are of data that is gone.</summary>
    public void Restored()
    {
        while (_queue.Reader.TryRead(out _))
        {
        }

        ClearDeliveries(null);
    }

    /// <summary>Forgets the delivery log, or one tenant's part of it; returns how many entries were removed.</summary>
    public int ClearDeliveries(string? customerId) => Deliveries.Remove(d => customerId is null || d.CustomerId == customerId);

    private int _disposed;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // The container disposes it once per registration it is resolved through (itself, the event sink, the resettable).
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        await Task.WhenAll(_workers).ContinueWith(_ => { }, TaskScheduler.Default);
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        await foreach (var e in _queue.Reader.ReadAllAsync(_stopping.Token).WithCancellation(_stopping.Token).ConfigureAwait(false))
        {
            try
            {
                await DeliverAsync(e);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A worker outlives any one event: the calls that raised events were answered long ago.
                _logger.LogError(ex, "Delivering {Event} of chat {ChatId} failed.", e.Event, e.ChatId);
            }
        }
    }

    private async Task DeliverAsync(ChatEvent e)
    {
        List<WebhookSubscription> subscriptions;
        object? body = null;
        await using (var scope = _scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
            subscriptions = await db.WebhookSubscriptions.AsNoTracking()
                .Where(s => s.CustomerId == e.CustomerId && s.BotId == e.BotId && s.Event == e.Event).ToListAsync(_stopping.Token);
            if (subscriptions.Count == 0)
            {
                return;
            }

            var chat = await db.Chats.AsNoTracking().SingleOrDefaultAsync(c => c.Id == e.ChatId, _stopping.Token);
            var tenant = _tenants.OfCustomer(e.CustomerId).FirstOrDefault()?.Tenant ?? new Tenant(e.CustomerId, null);
            body = chat is null ? null : ContactMapping.ToWire(chat, tenant);
        }

        foreach (var subscription in subscriptions)
        {
            await DeliverOneAsync(e, subscription, new WebhookBody(e.BotId, subscription.Platform ?? e.Channel.ToLowerInvariant(), body));
        }
    }

    private async Task DeliverOneAsync(ChatEvent e, WebhookSubscription subscription, WebhookBody body)
    {
        await Controls.WaitWhilePausedAsync(_stopping.Token);
        if (Controls.DelayMs is > 0 and var delay)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(delay), _stopping.Token);
        }

        var options = _options.Value;
        // Sent with a Content-Length rather than chunked: some receivers (simple HTTP servers, some gateways) do not read chunked bodies.
        var payload = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(body, WireJson.Options);
        var started = Stopwatch.GetTimestamp();
        int? status = null;
        string? error = null;
        var attempts = 0;
        while (attempts < options.WebhookMaxAttempts)
        {
            attempts++;
            (status, error) = Controls.FailStatus is { } fail ? (fail, $"Failed by the test's control (status {fail}).") : await PostAsync(subscription.Url, payload, options);
            if (status is >= 200 and < 300)
            {
                break;
            }

            if (attempts < options.WebhookMaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(options.WebhookRetryBaseMs * Math.Pow(2, attempts - 1)), _stopping.Token);
            }
        }

        var delivered = status is >= 200 and < 300;
        Deliveries.Add(seq => new WebhookDelivery(seq, Timestamps.Format(Timestamps.Now(_clock)), e.Event, subscription.Url, e.CustomerId, e.BotId, e.ChatId,
            delivered ? "delivered" : "failed", attempts, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds, delivered ? null : error,
            System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>(payload)));
    }

    private async Task<(int? Status, string? Error)> PostAsync(string url, byte[] payload, EmulatorOptions options)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            timeout.CancelAfter(options.WebhookTimeoutMs);
            using var client = _http.CreateClient("webhooks");
            using var content = new ByteArrayContent(payload);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var response = await client.PostAsync(url, content, timeout.Token);
            return ((int)response.StatusCode, response.IsSuccessStatusCode ? null : $"The receiver answered {(int)response.StatusCode}.");
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !_stopping.IsCancellationRequested)
        {
            return (null, ex is OperationCanceledException ? $"No answer within {options.WebhookTimeoutMs} ms." : ex.Message);
        }
    }
}

/// <summary>What a delivery POSTs: <c>{botId, platform, data}</c>, as the platform's webhooks do.</summary>
/// <param name="BotId">The bot whose event it is.</param>
/// <param name="Platform">The platform the subscriber named, else the chat's channel in lower case.</param>
/// <param name="Data">The contact, as <c>POST /inbox/users</c> answers it.</param>
public sealed record WebhookBody(string BotId, string Platform, object? Data);

/// <summary>One delivery of one event to one URL, after its last attempt.</summary>
/// <param name="Seq">Sequence number, increasing from 1.</param>
/// <param name="At">When it ended (the emulator's clock, wire format).</param>
/// <param name="Event">The event.</param>
/// <param name="Url">The receiver.</param>
/// <param name="CustomerId">The tenant.</param>
/// <param name="BotId">The bot.</param>
/// <param name="ChatId">The contact's chat.</param>
/// <param name="Outcome"><c>delivered</c> (a 2xx answer) or <c>failed</c> (given up after every attempt).</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="Status">The last HTTP status answered, or null when the receiver could not be reached.</param>
/// <param name="LatencyMs">Time from the first attempt to the last answer, in ms.</param>
/// <param name="LastError">Why the last attempt failed, for a failed delivery.</param>
/// <param name="Body">What was POSTed.</param>
public sealed record WebhookDelivery(long Seq, string At, string Event, string Url, string CustomerId, string BotId, string ChatId, string Outcome,
    int Attempts, int? Status, double LatencyMs, string? LastError, System.Text.Json.JsonElement Body);

/// <summary>Switches a test sets on deliveries: paused (queued until resumed), failing with a status, or delayed.</summary>
public sealed class WebhookControls
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _resumed = Resumed();

    /// <summary>True while deliveries wait.</summary>
    public bool Paused { get; private set; }

    /// <summary>When set, every attempt fails with this status without calling the receiver.</summary>
    public int? FailStatus { get; private set; }

    /// <summary>When set, each delivery waits this long first (ms).</summary>
    public int? DelayMs { get; private set; }

    /// <summary>Sets every switch.</summary>
    public void Set(bool paused, int? failStatus, int? delayMs)
    {
        lock (_gate)
        {
            Paused = paused;
            FailStatus = failStatus;
            DelayMs = delayMs;
            if (paused && _resumed.Task.IsCompleted)
            {
                _resumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            else if (!paused)
            {
                _resumed.TrySetResult();
            }
        }
    }

    /// <summary>Returns once deliveries are not paused.</summary>
    public Task WaitWhilePausedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _resumed.Task.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource Resumed()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.SetResult();
        return source;
    }
}
