using System.Net.ServerSentEvents;
using Emulator.Journal;

namespace Emulator.Inspector;

/// <summary>
/// <c>GET /_emulator/ui/requests/events</c>: the journal entries that arrive after <c>afterId</c> and pass the filters
/// (<see cref="JournalFilter"/>: <c>method</c>, <c>path</c>, <c>customerId</c>, <c>status</c>), as Server-Sent Events, one
/// JSON <see cref="JournalRow"/> each, for as long as the page stays open.
/// </summary>
internal static class JournalStream
{
    // How long one wait for the next entry lasts before it is asked again (keeps a dead connection from lingering).
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    public static void Map(WebApplication app) =>
        app.MapGet(InspectorSetup.EventsPath, (HttpContext http, RequestJournal journal, string? method, string? path,
                string? customerId, int? status, long? afterId) =>
                TypedResults.ServerSentEvents(Entries(http, journal, RequestsFilter.Of(method, path, customerId, status), afterId ?? 0, http.RequestAborted)))
            .ExcludeFromDescription();

    private static async IAsyncEnumerable<SseItem<JournalRow>> Entries(HttpContext http, RequestJournal journal, JournalFilter filter,
        long afterId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The headers go out now, not with the first entry: the page knows at once that it is live.
        await http.Response.StartAsync(cancellationToken);
        await http.Response.BodyWriter.FlushAsync(cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<JournalEntry>? arrived;
            try
            {
                arrived = await journal.WaitAsync(filter with { AfterId = afterId }, 1, Wait, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            foreach (var entry in arrived ?? [])
            {
                afterId = Math.Max(afterId, entry.Id);
                yield return new SseItem<JournalRow>(JournalRow.Of(entry)) { EventId = entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }
        }
    }
}

/// <summary>A journal entry as the requests page shows it in a row.</summary>
/// <param name="Id">The entry's id.</param>
/// <param name="At">When the request arrived (ISO 8601, UTC).</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path.</param>
/// <param name="Query">The query string, with its <c>?</c>, or empty.</param>
/// <param name="Status">The status answered.</param>
/// <param name="CustomerId">The tenant the request was attributed to, if any.</param>
/// <param name="DurationMs">How long the answer took (ms).</param>
internal sealed record JournalRow(long Id, string At, string Method, string Path, string Query, int Status, string? CustomerId, double DurationMs)
{
    public static JournalRow Of(JournalEntry e) =>
        new(e.Id, e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            e.Method, e.Path, e.Query, e.Status, e.CustomerId, e.DurationMs);
}

/// <summary>The requests page's filters as a <see cref="JournalFilter"/>: empty values are no filter.</summary>
internal static class RequestsFilter
{
    public static JournalFilter Of(string? method, string? path, string? customerId, int? status) =>
        new(Blank(method), Blank(path), Blank(customerId), status, null, null);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
