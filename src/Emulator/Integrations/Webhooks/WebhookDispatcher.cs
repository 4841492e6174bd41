using System.Diagnostics;
using Emulator.Common;
using Emulator.Data;
using Emulator.State;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Emulator.Webhooks;

/// <summary>
/// Delivers the rows of the <see cref="WebhookOutbox"/> as the platform delivers its trigger events: a <c>POST</c> of the
/// stored body to the subscribed URL, with a timeout, retrying non-2xx answers and network errors with exponential backoff.
/// Each subscription's events go one at a time in the order they were raised; different subscriptions are served side by
/// side (at most <see cref="Workers"/> deliveries at once). A row is deleted once delivered or given up, and every such
/// end is written to a log the control surface reads and waits on; a row still there at a stop (or a crash) is delivered
/// after the next start, so a receiver may see an event twice but never misses one. A test can pause deliveries, make
/// them fail with a status, or delay them (<see cref="WebhookControls"/>).
/// </summary>
public sealed class WebhookDispatcher : BackgroundService, IResettable
{
    /// <summary>Most deliveries in progress at once, each to a different subscription.</summary>
    public const int Workers = 4;

    // A safety net only: commits and finished deliveries wake the loop at once.
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    private readonly IServiceScopeFactory _scopes;
    private readonly IHttpClientFactory _http;
    private readonly SingleWriter _writer;
    private readonly WebhookOutbox _outbox;
    private readonly IOptions<EmulatorOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task> _inFlight = new(StringComparer.Ordinal); // by subscription id

    // The last row each subscription finished: a head read just before that row's delete committed is not sent again.
    private readonly Dictionary<string, long> _finished = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>Creates the dispatcher; it delivers from the host's start until its stop.</summary>
    public WebhookDispatcher(IServiceScopeFactory scopes, IHttpClientFactory http, SingleWriter writer, WebhookOutbox outbox, IOptions<EmulatorOptions> options,
        TimeProvider clock, ILogger<WebhookDispatcher> logger)
    {
        _scopes = scopes;
        _http = http;
        _writer = writer;
        _outbox = outbox;
        _options = options;
        _clock = clock;
        _logger = logger;
        Deliveries = new WaitableLog<WebhookDelivery>(() => Math.Max(options.Value.JournalCapacity, 1));
    }

    /// <summary>Every finished delivery, oldest first, bounded like the request journal.</summary>
    public WaitableLog<WebhookDelivery> Deliveries { get; }

    /// <summary>The test's switches: pause, fail, delay.</summary>
    public WebhookControls Controls { get; } = new();

    /// <inheritdoc />
    public void Reset(string? customerId)
    {
        // The reset deleted the tenant's undelivered rows with its data; deliveries in progress end unlogged.
        Forget();
        ClearDeliveries(customerId);
        if (customerId is null)
        {
            Controls.Set(false, null, null);
        }
    }

    /// <summary>A restored snapshot: the delivery log is of data that is gone (the restore deletes the undelivered rows).</summary>
    public void Restored()
    {
        Forget();
        ClearDeliveries(null);
    }

    // The rows were deleted (the outbox's row ids may start again after a restore): what was finished no longer matters.
    private void Forget()
    {
        lock (_gate)
        {
            _generation++;
            _finished.Clear();
        }
    }

    /// <summary>Forgets the delivery log, or one tenant's part of it; returns how many entries were removed.</summary>
    public int ClearDeliveries(string? customerId) => Deliveries.Remove(d => customerId is null || d.CustomerId == customerId);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Controls.WaitWhilePausedAsync(stoppingToken);
                try
                {
                    StartDeliveries(await ReadHeadsAsync(stoppingToken), stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // A read can fail while another process holds the file; the rows stay and the next round retries.
                    _logger.LogWarning(ex, "Reading the webhook outbox failed; retrying.");
                }

                await _outbox.WaitAsync(Poll, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // Deliveries in progress stop with the host; their rows stay for the next start.
            Task[] running;
            lock (_gate)
            {
                running = [.. _inFlight.Values];
            }

            await Task.WhenAll(running);
        }
    }

    // The oldest row of every subscription with no delivery in progress.
    private async Task<List<PendingWebhook>> ReadHeadsAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();

        // The outbox is empty at most starts: asked in plain SQL, the start does not compile the query below (about
        // 100 ms of CPU in a cold process, beside the start-up work).
        if (!await db.HasRowsAsync<PendingWebhook>(cancellationToken))
        {
            return [];
        }

        var heads = db.WebhookOutbox.GroupBy(p => p.SubscriptionId).Select(g => g.Min(p => p.Seq));
        return await db.WebhookOutbox.AsNoTracking().Where(p => heads.Contains(p.Seq)).OrderBy(p => p.Seq).ToListAsync(cancellationToken);
    }

    private void StartDeliveries(List<PendingWebhook> heads, CancellationToken stoppingToken)
    {
        lock (_gate)
        {
            foreach (var row in heads)
            {
                if (_inFlight.Count >= Workers)
                {
                    return;
                }

                if (!_inFlight.ContainsKey(row.SubscriptionId) && _finished.GetValueOrDefault(row.SubscriptionId) < row.Seq)
                {
                    _inFlight[row.SubscriptionId] = Task.Run(() => RunAsync(row, stoppingToken), CancellationToken.None);
                }
            }
        }
    }

    private async Task RunAsync(PendingWebhook row, CancellationToken stoppingToken)
    {
        try
        {
            long generation;
            lock (_gate)
            {
                generation = _generation;
            }

            var delivery = await DeliverAsync(row, stoppingToken);

            // Deleted first: a test that waits on the log finds the outbox already without the row.
            await _writer.WriteAsync((db, ct) => db.WebhookOutbox.Where(p => p.Seq == row.Seq).ExecuteDeleteAsync(ct), CancellationToken.None);
            lock (_gate)
            {
                if (_generation != generation)
                {
                    return; // a reset or restore came in between: neither the log nor the order keeps it
                }

                _finished[row.SubscriptionId] = row.Seq;
            }

            Deliveries.Add(delivery);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped mid-delivery: the row stays and is delivered after the next start.
        }
        catch (Exception ex)
        {
            // The row stays; the next round tries it again.
            _logger.LogError(ex, "Delivering {Event} of chat {ChatId} to {Url} failed.", row.Event, row.ChatId, row.Url);
        }
        finally
        {
            lock (_gate)
            {
                _inFlight.Remove(row.SubscriptionId);
            }

            _outbox.Wake();
        }
    }

    private async Task<Func<long, WebhookDelivery>> DeliverAsync(PendingWebhook row, CancellationToken stoppingToken)
    {
        await Controls.WaitWhilePausedAsync(stoppingToken);
        if (Controls.DelayMs is > 0 and var delay)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(delay), stoppingToken);
        }

        var options = _options.Value;
        var payload = System.Text.Encoding.UTF8.GetBytes(row.Body);
        var started = Stopwatch.GetTimestamp();
        int? status = null;
        string? error = null;
        var attempts = 0;
        while (attempts < options.WebhookMaxAttempts)
        {
            attempts++;
            (status, error) = Controls.FailStatus is { } fail
                ? (fail, $"Failed by the test's control (status {fail}).")
                : await PostAsync(row.Url, payload, options, stoppingToken);
            if (status is >= 200 and < 300)
            {
                break;
            }

            if (attempts < options.WebhookMaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(options.WebhookRetryBaseMs * Math.Pow(2, attempts - 1)), stoppingToken);
            }
        }

        var delivered = status is >= 200 and < 300;
        var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var at = Timestamps.Format(Timestamps.Now(_clock));
        var body = System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>(payload);
        return seq => new WebhookDelivery(seq, at, row.Event, row.Url, row.CustomerId, row.BotId, row.ChatId, delivered ? "delivered" : "failed", attempts,
            status, latency, delivered ? null : error, body);
    }

    private async Task<(int? Status, string? Error)> PostAsync(string url, byte[] payload, EmulatorOptions options, CancellationToken stoppingToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(options.WebhookTimeoutMs);
            using var client = _http.CreateClient("webhooks");

            // Sent with a Content-Length rather than chunked: some receivers (simple HTTP servers, some gateways) do not read chunked bodies.
            using var content = new ByteArrayContent(payload);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var response = await client.PostAsync(url, content, timeout.Token);
            return ((int)response.StatusCode, response.IsSuccessStatusCode ? null : $"The receiver answered {(int)response.StatusCode}.");
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !stoppingToken.IsCancellationRequested)
        {
            return (null, ex is OperationCanceledException ? $"No answer within {options.WebhookTimeoutMs} ms." : ex.Message);
        }
    }
}
