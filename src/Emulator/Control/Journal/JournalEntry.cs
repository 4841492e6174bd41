using System.Text;
using System.Text.Json.Serialization;

namespace Emulator.Journal;

/// <summary>
/// One request to the emulated surface as <c>GET /_emulator/requests</c> shows it. Token values are redacted in
/// headers and query (README, "Testing with the emulator": request journal); bodies are text, cut at
/// <see cref="EmulatorOptions.JournalBodyBytes"/> bytes.
/// </summary>
public sealed record JournalEntry
{
    // The bodies are kept as their UTF-8 bytes (half the memory of .NET text: README, "Performance") and decoded when
    // Body or ResponseBody is read.
    private readonly byte[]? _body;
    private readonly byte[]? _responseBody;

    /// <summary>An entry with text bodies, as <c>GET /_emulator/requests</c> answers it (and JSON clients read it).</summary>
    /// <param name="id">See <see cref="Id"/>.</param>
    /// <param name="at">See <see cref="At"/>.</param>
    /// <param name="method">See <see cref="Method"/>.</param>
    /// <param name="path">See <see cref="Path"/>.</param>
    /// <param name="query">See <see cref="Query"/>.</param>
    /// <param name="headers">See <see cref="Headers"/>.</param>
    /// <param name="body">See <see cref="Body"/>.</param>
    /// <param name="status">See <see cref="Status"/>.</param>
    /// <param name="responseBody">See <see cref="ResponseBody"/>.</param>
    /// <param name="durationMs">See <see cref="DurationMs"/>.</param>
    /// <param name="customerId">See <see cref="CustomerId"/>.</param>
    /// <param name="fault">See <see cref="Fault"/>.</param>
    /// <param name="truncated">See <see cref="Truncated"/>.</param>
    [JsonConstructor]
    public JournalEntry(long id, DateTimeOffset at, string method, string path, string query, IReadOnlyDictionary<string, string> headers,
        string? body, int status, string? responseBody, double durationMs, string? customerId, string? fault, bool truncated)
        : this(id, at, method, path, query, headers, Utf8(body), status, Utf8(responseBody), durationMs, customerId, fault, truncated)
    {
    }

    /// <summary>An entry whose bodies are already UTF-8 bytes (the journal's own recording: kept without a copy).</summary>
    internal JournalEntry(long id, DateTimeOffset at, string method, string path, string query, IReadOnlyDictionary<string, string> headers,
        byte[]? body, int status, byte[]? responseBody, double durationMs, string? customerId, string? fault, bool truncated)
    {
        (Id, At, Method, Path, Query, Headers, Status, DurationMs, CustomerId, Fault, Truncated) =
            (id, at, method, path, query, headers, status, durationMs, customerId, fault, truncated);
        (_body, _responseBody) = (body, responseBody);
    }

    /// <summary>Sequence number, increasing from 1 in the order requests ended; use it with <c>afterId</c>.</summary>
    public long Id { get; }

    /// <summary>When the request arrived (real UTC time, not the emulator's movable clock, so moving the clock never reorders the journal).</summary>
    public DateTimeOffset At { get; }

    /// <summary>HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>Path without the query, e.g. <c>/inbox/direct/chats</c>.</summary>
    public string Path { get; }

    /// <summary>Query string including the leading <c>?</c>, or "".</summary>
    public string Query { get; }

    /// <summary>Request headers by name (lower case); repeated headers joined with ", ".</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Request body as UTF-8 text, or null when there was none.</summary>
    public string? Body => Text(_body);

    /// <summary>The status code answered (0 when the connection was dropped by a fault).</summary>
    public int Status { get; }

    /// <summary>Response body as UTF-8 text, or null when there was none.</summary>
    public string? ResponseBody => Text(_responseBody);

    /// <summary>Time from arrival to the end of the response, in milliseconds.</summary>
    public double DurationMs { get; }

    /// <summary>The tenant of the request's token, or null when it had no known token.</summary>
    public string? CustomerId { get; }

    /// <summary>The id of the fault rule that shaped the answer, or null.</summary>
    public string? Fault { get; }

    /// <summary>True when a body was longer than the journal keeps.</summary>
    public bool Truncated { get; }

    /// <summary>The request body's UTF-8 bytes (empty when there was none), for searching without decoding.</summary>
    internal ReadOnlySpan<byte> BodyUtf8 => _body;

    /// <summary>The response body's UTF-8 bytes (empty when there was none).</summary>
    internal ReadOnlySpan<byte> ResponseBodyUtf8 => _responseBody;

    private static byte[]? Utf8(string? text) => text is null ? null : Encoding.UTF8.GetBytes(text);

    private static string? Text(byte[]? bytes) => bytes is null ? null : Encoding.UTF8.GetString(bytes);
}

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
