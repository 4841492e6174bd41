using Microsoft.AspNetCore.Diagnostics;

namespace Emulator.Common;

/// <summary>
/// Keeps failures outside the handlers in the platform's envelope on the emulated surface — every path but the
/// emulator's own (<c>/_emulator</c>, <c>/swagger</c>): unknown routes (404, including paths of the platform the
/// emulator does not serve, such as <c>/whatsapp-automation/…</c>, which clients call and parse as the envelope),
/// wrong methods (405), request-level faults such as Kestrel's body limit (413) and unexpected exceptions (500
/// without exception text). On the emulator's own paths, RFC 9457 problem details are written.
/// </summary>
public sealed class InboxExceptionHandler(ILogger<InboxExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>The emulator's own path prefixes; every other path belongs to the emulated platform.</summary>
    public static readonly IReadOnlyList<PathString> OwnPrefixes = ["/_emulator", "/swagger"];

    /// <summary>True for paths of the emulated surface: every path outside <see cref="OwnPrefixes"/>.</summary>
    public static bool IsEmulatedSurface(HttpContext context) =>
        !OwnPrefixes.Any(prefix => context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsEmulatedSurface(context))
        {
            return await WriteOwnProblemAsync(context, exception);
        }

        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; its transaction was rolled back and there is nobody to answer.
            return true;
        }

        if (IsDatabaseBusy(exception))
        {
            // Another writer held the database longer than Emulator:BusyTimeoutMs: nothing was written; try again.
            context.Response.Headers.RetryAfter = "1";
            await ApiResults.Error(StatusCodes.Status503ServiceUnavailable, ApiResults.SummaryFor(503),
                ["The database is busy with another write; nothing was written. Retry the request."]).ExecuteAsync(context);
            return true;
        }

        var status = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
        var problem = status >= 500
            ? "The emulator hit an unexpected error; nothing was written. Its log has the details."
            : "The request could not be read.";
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
        }

        await ApiResults.Error(status, ApiResults.SummaryFor(status), [problem]).ExecuteAsync(context);
        return true;
    }

    // The control surface answers problem details: a body model binding could not read (invalid JSON, a wrong type) is
    // a 400 naming the JSON path; anything else is left to the default handler (500 without exception text).
    private static async ValueTask<bool> WriteOwnProblemAsync(HttpContext context, Exception exception)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        context.Response.StatusCode = bad.StatusCode;
        var detail = exception.InnerException is System.Text.Json.JsonException json
            ? $"The body is not valid JSON for this endpoint: {json.Message}"
            : bad.Message;
        return await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = bad.StatusCode, Title = "The request could not be read", Detail = detail },
        });
    }

    /// <summary>True when <paramref name="exception"/> (or one it wraps) is SQLite's SQLITE_BUSY or SQLITE_LOCKED.</summary>
    public static bool IsDatabaseBusy(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Status-code-pages handler: an envelope for bodiless errors on the emulated surface, problem details on the emulator's own.</summary>
    public static async Task WriteStatusCodePage(StatusCodeContext statusContext)
    {
        var context = statusContext.HttpContext;
        var status = context.Response.StatusCode;
        if (!IsEmulatedSurface(context))
        {
            await context.RequestServices.GetRequiredService<IProblemDetailsService>()
                .WriteAsync(new ProblemDetailsContext { HttpContext = context });
            return;
        }

        var problem = status switch
        {
            StatusCodes.Status404NotFound => $"No endpoint {context.Request.Method} {context.Request.Path} in the emulated API.",
            StatusCodes.Status405MethodNotAllowed => $"{context.Request.Method} is not allowed on {context.Request.Path}.",
            StatusCodes.Status415UnsupportedMediaType => "Send the request body as JSON with 'Content-Type: application/json'.",
            _ => ApiResults.SummaryFor(status),
        };
        await ApiResults.Error(status, ApiResults.SummaryFor(status), [problem]).ExecuteAsync(context);
    }
}
