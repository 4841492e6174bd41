using Emulator.Control;

namespace Emulator.Journal;

/// <summary><c>/_emulator/requests</c>: read, clear and wait on the <see cref="RequestJournal"/>.</summary>
public static class JournalEndpoints
{
    /// <summary>The longest wait accepted by <c>GET /_emulator/requests/wait</c>, in ms.</summary>
    public const int MaxWaitMs = WaitAnswers.MaxWaitMs;

    /// <summary>Maps the journal endpoints on the control surface group.</summary>
    public static RouteGroupBuilder MapJournalApi(this RouteGroupBuilder emulator)
    {
        var requests = emulator.MapGroup("/requests").WithTags("Request journal");
        requests.MapGet("/", (RequestJournal journal, [AsParameters] JournalQuery query) =>
                TypedResults.Ok(journal.Find(query.Filter())))
            .WithName("ListRequests")
            .WithSummary("Requests the emulated API received, oldest first")
            .WithDescription("Filters combine with AND. Token values in headers and query are shown as [redacted].");
        requests.MapDelete("/", (RequestJournal journal, string? customerId) =>
                TypedResults.Ok(new JournalCleared(journal.Clear(customerId))))
            .WithName("ClearRequests")
            .WithSummary("Forget every recorded request, or one tenant's (customerId)")
            .WithDescription("Answers how many entries were removed. Ids keep increasing after a clear.");
        requests.MapGet("/wait", (RequestJournal journal, [AsParameters] JournalQuery query, int? count, int? timeoutMs,
                CancellationToken cancellationToken) =>
                WaitAnswers.WaitAsync(count, timeoutMs, "requests arrived",
                    (wanted, timeout) => journal.WaitAsync(query.Filter(), wanted, timeout, cancellationToken)))
            .WithName("WaitForRequests")
            .WithSummary("Answer as soon as `count` matching requests are in the journal, or 408 after `timeoutMs`")
            .WithDescription($"count defaults to 1, timeoutMs to 5000 (at most {MaxWaitMs}). Counts requests already recorded too: " +
                "use afterId (the last id you saw) or since to wait only for new ones.")
            .Produces<IReadOnlyList<JournalEntry>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status408RequestTimeout);
        return emulator;
    }
}

/// <summary>Query parameters that select journal entries (see <see cref="JournalFilter"/>).</summary>
public sealed class JournalQuery
{
    /// <summary>Only this HTTP method.</summary>
    public string? Method { get; init; }

    /// <summary>Only this path; <c>*</c> matches any run of characters.</summary>
    public string? Path { get; init; }

    /// <summary>Only this tenant's requests.</summary>
    public string? CustomerId { get; init; }

    /// <summary>Only this status code.</summary>
    public int? Status { get; init; }

    /// <summary>Only requests that arrived at or after this instant (ISO 8601).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only entries after this id.</summary>
    public long? AfterId { get; init; }

    /// <summary>The filter these parameters describe.</summary>
    public JournalFilter Filter() => new(Method, Path, CustomerId, Status, Since, AfterId);
}

/// <summary>Answer of <c>DELETE /_emulator/requests</c>.</summary>
/// <param name="Removed">How many entries were removed.</param>
public sealed record JournalCleared(int Removed);
