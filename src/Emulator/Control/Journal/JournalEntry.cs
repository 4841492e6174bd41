namespace Emulator.Journal;

/// <summary>
/// One request to the emulated surface as <c>GET /_emulator/requests</c> shows it. Token values are redacted in
/// headers and query (README, "Testing with the emulator": request journal); bodies are text, cut at
/// <see cref="EmulatorOptions.JournalBodyBytes"/> bytes.
/// </summary>
/// <param name="Id">Sequence number, increasing from 1 in the order requests ended; use it with <c>afterId</c>.</param>
/// <param name="At">When the request arrived (real UTC time, not the emulator's movable clock, so moving the clock never reorders the journal).</param>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="Path">Path without the query, e.g. <c>/inbox/direct/chats</c>.</param>
/// <param name="Query">Query string including the leading <c>?</c>, or "".</param>
/// <param name="Headers">Request headers by name (lower case); repeated headers joined with ", ".</param>
/// <param name="Body">Request body as UTF-8 text, or null when there was none.</param>
/// <param name="Status">The status code answered (0 when the connection was dropped by a fault).</param>
/// <param name="ResponseBody">Response body as UTF-8 text, or null when there was none.</param>
/// <param name="DurationMs">Time from arrival to the end of the response, in milliseconds.</param>
/// <param name="CustomerId">The tenant of the request's token, or null when it had no known token.</param>
/// <param name="Fault">The id of the fault rule that shaped the answer, or null.</param>
/// <param name="Truncated">True when a body was longer than the journal keeps.</param>
public sealed record JournalEntry(
    long Id,
    DateTimeOffset At,
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    int Status,
    string? ResponseBody,
    double DurationMs,
    string? CustomerId,
    string? Fault,
    bool Truncated);

/// <summary>Which journal entries a call is about; every member is optional and they combine with AND.</summary>
/// <param name="Method">Only this HTTP method (any case).</param>
/// <param name="Path">Only this path; <c>*</c> matches any run of characters (<c>/inbox/*</c>).</param>
/// <param name="CustomerId">Only requests of this tenant.</param>
/// <param name="Status">Only this status code.</param>
/// <param name="Since">Only requests that arrived at or after this instant.</param>
/// <param name="AfterId">Only entries with a larger <see cref="JournalEntry.Id"/>.</param>
public sealed record JournalFilter(string? Method, string? Path, string? CustomerId, int? Status, DateTimeOffset? Since, long? AfterId)
{
    private readonly System.Text.RegularExpressions.Regex? _path = Path is null ? null
        : new System.Text.RegularExpressions.Regex(
            "^" + System.Text.RegularExpressions.Regex.Escape(Path).Replace("\\*", ".*") + "$",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>True when <paramref name="entry"/> passes every given condition.</summary>
    public bool Matches(JournalEntry entry) =>
        MatchesRequest(entry.Method, entry.Path, entry.CustomerId)
        && (Status is null || Status == entry.Status)
        && (Since is null || entry.At >= Since)
        && (AfterId is null || entry.Id > AfterId);

    /// <summary>True when a request passes the method, path and tenant conditions (what fault rules match on).</summary>
    public bool MatchesRequest(string method, string path, string? customerId) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (_path is null || _path.IsMatch(path))
        && (CustomerId is null || CustomerId == customerId);
}
