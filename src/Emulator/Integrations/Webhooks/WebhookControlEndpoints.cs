using Emulator.Common;
using Emulator.Control;
using FluentValidation;
using Emulator.Data;
using Microsoft.EntityFrameworkCore;

namespace Emulator.Webhooks;

/// <summary><c>/_emulator/webhooks</c>: subscriptions, the delivery log (read, wait, clear) and the delivery switches.</summary>
public static class WebhookControlEndpoints
{
    /// <summary>Maps the endpoints on the control surface group.</summary>
    public static RouteGroupBuilder MapWebhookControlApi(this RouteGroupBuilder emulator)
    {
        var webhooks = emulator.MapGroup("/webhooks").WithTags("Webhooks");
        webhooks.MapGet("/subscriptions", async (string customerId, EmulatorDbContext db, CancellationToken cancellationToken) =>
                TypedResults.Ok(await SubscriptionsAsync(db, customerId, cancellationToken)))
            .WithName("ListWebhookSubscriptions")
            .WithSummary("A tenant's webhook subscriptions")
            .WithDescription("As made through subscribe-trigger-event.");
        webhooks.MapGet("/deliveries", (WebhookDispatcher dispatcher, [AsParameters] DeliveryQuery query) => TypedResults.Ok(dispatcher.Deliveries.Find(query.Matches)))
            .WithName("ListWebhookDeliveries")
            .WithSummary("Webhook deliveries after their last attempt, oldest first")
            .WithDescription("Filters: customerId, event, url, outcome (delivered, failed). Each: attempts, status, latencyMs, lastError, body.");
        webhooks.MapGet("/deliveries/wait", (WebhookDispatcher dispatcher, [AsParameters] DeliveryQuery query, int? count, int? timeoutMs,
                CancellationToken cancellationToken) =>
                WaitAnswers.WaitAsync(count, timeoutMs, "deliveries ended",
                    (wanted, timeout) => dispatcher.Deliveries.WaitAsync(query.Matches, wanted, timeout, cancellationToken)))
            .WithName("WaitForWebhookDeliveries")
            .WithSummary("Answer as soon as `count` matching deliveries ended (delivered or given up), or 408 after `timeoutMs`")
            .WithDescription($"count defaults to 1, timeoutMs to 5000 (at most {WaitAnswers.MaxWaitMs}).")
            .Produces<IReadOnlyList<WebhookDelivery>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status408RequestTimeout);
        webhooks.MapDelete("/deliveries", (WebhookDispatcher dispatcher, string? customerId) =>
                TypedResults.Ok(new Journal.JournalCleared(dispatcher.ClearDeliveries(customerId))))
            .WithName("ClearWebhookDeliveries")
            .WithSummary("Forget the delivery log, all or one tenant's")
            .WithDescription("Answers how many entries were removed.");
        webhooks.MapGet("/control", (WebhookDispatcher dispatcher) => TypedResults.Ok(Wire(dispatcher.Controls)))
            .WithName("GetWebhookControl")
            .WithSummary("The delivery switches")
            .WithDescription("paused, failStatus, delayMs.");
        webhooks.MapPut("/control", (WebhookControlWire body, WebhookDispatcher dispatcher) =>
            {
                dispatcher.Controls.Set(body.Paused ?? false, body.FailStatus, body.DelayMs);
                return TypedResults.Ok(Wire(dispatcher.Controls));
            })
            .WithName("SetWebhookControl")
            .WithSummary("Pause deliveries, make every attempt fail with a status, or delay each delivery")
            .WithDescription("{\"paused\": true} queues deliveries until {\"paused\": false}; {\"failStatus\": 500} fails every attempt without " +
                "calling the receiver (so retries and giving up show in the log); {\"delayMs\": 2000} delays each delivery. {} restores normal delivery.");
        return emulator;
    }

    private static WebhookControlWire Wire(WebhookControls c) => new(c.Paused, c.FailStatus, c.DelayMs);

    /// <summary>A tenant's webhook subscriptions, oldest first: what <c>GET /_emulator/webhooks/subscriptions</c> and the
    /// inspector show.</summary>
    public static Task<List<SubscriptionWire>> SubscriptionsAsync(EmulatorDbContext db, string customerId, CancellationToken cancellationToken) =>
        db.WebhookSubscriptions.AsNoTracking().Where(s => s.CustomerId == customerId).OrderBy(s => s.CreatedAt)
            .Select(s => new SubscriptionWire(s.Id, s.BotId, s.Event, s.Url, s.Slug, s.Category, s.Platform)).ToListAsync(cancellationToken);
}

/// <summary>A webhook subscription as the control surface lists it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="BotId">The bot.</param>
/// <param name="Event">The event.</param>
/// <param name="Url">The receiver.</param>
/// <param name="Slug">The integration's slug.</param>
/// <param name="Category">The integration's category.</param>
/// <param name="Platform">The platform the subscriber named.</param>
public sealed record SubscriptionWire(string Id, string BotId, string Event, string Url, string Slug, string Category, string? Platform);

/// <summary>The delivery switches.</summary>
/// <param name="Paused">Deliveries wait while true.</param>
/// <param name="FailStatus">Every attempt fails with this status (400–599), without calling the receiver.</param>
/// <param name="DelayMs">Each delivery waits this long first (0–60,000 ms).</param>
public sealed record WebhookControlWire(bool? Paused, int? FailStatus, int? DelayMs);

/// <summary>Which deliveries a call is about.</summary>
public sealed class DeliveryQuery
{
    /// <summary>Only this tenant's.</summary>
    public string? CustomerId { get; init; }

    /// <summary>Only this event's.</summary>
    public string? Event { get; init; }

    /// <summary>Only to this URL.</summary>
    public string? Url { get; init; }

    /// <summary>Only <c>delivered</c> or only <c>failed</c>.</summary>
    public string? Outcome { get; init; }

    /// <summary>True when <paramref name="d"/> passes every given condition.</summary>
    public bool Matches(WebhookDelivery d) =>
        (CustomerId is null || CustomerId == d.CustomerId) && (Event is null || Event == d.Event) && (Url is null || Url == d.Url)
        && (Outcome is null || Outcome == d.Outcome);
}

/// <summary>Checks <see cref="WebhookControlWire"/>.</summary>
public sealed class WebhookControlValidator : WireValidator<WebhookControlWire>
{
    /// <summary>Creates the rules.</summary>
    public WebhookControlValidator()
    {
        RuleFor(c => c.FailStatus).Must(s => s is null or (>= 400 and <= 599)).WithMessage("failStatus must be from 400 to 599.");
        RuleFor(c => c.DelayMs).Must(d => d is null or (>= 0 and <= 60_000)).WithMessage("delayMs must be from 0 to 60000.");
    }
}
