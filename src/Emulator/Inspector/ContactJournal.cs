using System.Text.RegularExpressions;
using Emulator.Journal;

namespace Emulator.Inspector;

/// <summary>
/// The journal entries that touched a contact, as the contact page lists them (README, "Inspector"): requests of its
/// tenant that named it (its <c>_id</c> in the path, query or body, or its <c>uuid</c> as a body's <c>"uuid"</c>, which
/// is how the lead PUT names a chat) or that answered with it (its <c>_id</c> in the response body). Read from the
/// same <see cref="RequestJournal"/> as <c>GET /_emulator/requests</c>; a body the journal cut short may miss a mention.
/// </summary>
internal static class ContactJournal
{
    /// <summary>The matching entries, newest first.</summary>
    public static List<JournalEntry> Touching(RequestJournal journal, string customerId, string id, string uuid)
    {
        var namedByUuid = new Regex($"\"uuid\"\\s*:\\s*\"{Regex.Escape(uuid)}\"", RegexOptions.CultureInvariant);
        bool Mentions(string? text) => text is not null && text.Contains(id, StringComparison.Ordinal);
        return journal.Find(new JournalFilter(null, null, customerId, null, null, null))
            .Where(e => Mentions(e.Path) || Mentions(e.Query) || Mentions(e.Body) || Mentions(e.ResponseBody) || (e.Body is { } body && namedByUuid.IsMatch(body)))
            .Reverse()
            .ToList();
    }
}
