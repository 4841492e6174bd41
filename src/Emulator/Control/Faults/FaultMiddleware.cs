using Emulator.Common;
using Emulator.Journal;
using Emulator.Tenants;

namespace Emulator.Faults;

/// <summary>
/// Applies the <see cref="FaultRules"/> to requests of the emulated surface, before anything else handles them: waits
/// the rule's delay, then answers its status in the platform's envelope (with <c>Retry-After</c> when asked), drops the
/// connection, or — for a delay alone — lets the request through. Names the rule in the request's journal entry.
/// </summary>
public sealed class FaultMiddleware(RequestDelegate next, FaultRules rules, TenantDirectory tenants, TimeProvider clock)
{
    /// <summary>Runs the request, shaped by the first applicable rule.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        if (!InboxExceptionHandler.IsEmulatedSurface(context)
            || rules.Take(context.Request.Method, context.Request.Path.Value ?? "", tenants.FindInRequest(context)?.CustomerId) is not { } taken)
        {
            await next(context);
            return;
        }

        var (id, rule) = taken;
        context.Items[JournalMiddleware.FaultItem] = id;
        if (rule.DelayMs is > 0 and var delay)
        {
            // Real time, on the base clock's timers: a pinned emulator clock does not stall the delay.
            await Task.Delay(TimeSpan.FromMilliseconds(delay), clock, context.RequestAborted);
        }

        if (rule.Drop == true)
        {
            context.Abort();
            return;
        }

        if (rule.Status is not { } status)
        {
            await next(context);
            return;
        }

        if (rule.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await ApiResults.Error(status, rule.Message ?? ApiResults.SummaryFor(status),
            [$"Fault injected by the emulator (rule {id})."]).ExecuteAsync(context);
    }
}
