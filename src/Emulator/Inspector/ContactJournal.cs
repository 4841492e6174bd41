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
        bool NamedByUuid(string? body) => body is not null && byUuid.IsMatch(body) && byBot.IsMatch(body);
        bool Mentions(string? text) => text is not null && text.Contains(id, StringComparison.Ordinal);
        return journal.Find(new JournalFilter(null, null, customerId, null, null, null))
            .Where(e => Mentions(e.Path) || Mentions(e.Query) || Mentions(e.Body) || Mentions(e.ResponseBody) || NamedByUuid(e.Body))
            .Reverse()
            .ToList();
    }
}
