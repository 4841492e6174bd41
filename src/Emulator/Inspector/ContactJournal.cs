using System.Text;
using System.Text.RegularExpressions;
using Emulator.Journal;

namespace Emulator.Inspector;

/// <summary>
/// The journal entries that touched a contact, as the contact page lists them (README, "Inspector"): requests of its
/// tenant that named it (its <c>_id</c> in the path, query or body, or its <c>uuid</c> as a body's <c>"uuid"</c>, which
/// is how the lead PUT names a chat) or that answered with it (its <c>_id</c> in the response body). Read from the
/// same <see cref="RequestJournal"/> as <c>GET /_emulator/requests</c>; a body the journal cut short may miss a mention.
/// A uuid is unique per bot only, so a body names the contact by uuid when it also names the contact's bot.
/// </summary>
internal static class ContactJournal
{
    /// <summary>The matching entries, newest first.</summary>
    public static List<JournalEntry> Touching(RequestJournal journal, string customerId, string id, string uuid, string botId)
    {
        var byUuid = new Regex($"\"uuid\"\\s*:\\s*\"{Regex.Escape(uuid)}\"", RegexOptions.CultureInvariant);
        var byBot = new Regex($"\"botId\"\\s*:\\s*\"{Regex.Escape(botId)}\"", RegexOptions.CultureInvariant);
        var (idUtf8, uuidUtf8) = (Encoding.UTF8.GetBytes(id), Encoding.UTF8.GetBytes(uuid));

        // Bodies are searched as the UTF-8 bytes the journal keeps; only a body holding the uuid is decoded.
        bool NamedByUuid(JournalEntry e) => e.BodyUtf8.IndexOf(uuidUtf8) >= 0 && e.Body is { } body && byUuid.IsMatch(body) && byBot.IsMatch(body);
        bool Mentions(string text) => text.Contains(id, StringComparison.Ordinal);
        return journal.Find(new JournalFilter(null, null, customerId, null, null, null))
            .Where(e => Mentions(e.Path) || Mentions(e.Query) || e.BodyUtf8.IndexOf(idUtf8) >= 0 || e.ResponseBodyUtf8.IndexOf(idUtf8) >= 0
                || NamedByUuid(e))
            .Reverse()
            .ToList();
    }
}
