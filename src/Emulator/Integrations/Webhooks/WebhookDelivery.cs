namespace Emulator.Webhooks;

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
