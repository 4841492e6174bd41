using Emulator.Common;
using Emulator.Data;
using Microsoft.EntityFrameworkCore;

namespace Emulator.Contacts;

/// <summary>
/// Translates a <see cref="ContactSearchRequest"/> into one SQL query over a tenant's chats. Each filter is
/// a predicate backed by an index of <c>ChatConfiguration</c>; list filters match any listed value; the
/// <c>_bot*</c> lists together match chats of any listed (channel, bot) pair; a boolean filter applies when it
/// is true or when its name is in <c>applicableFilters</c>.
/// </summary>
public static class ContactQuery
{
    /// <summary>The boolean filters that <c>applicableFilters</c> can name.</summary>
    public static readonly IReadOnlyList<string> BooleanFilters =
        ["isOnline", "userInteracted", "isLiveChatActive", "hasOrdered", "isContact", "isSubscriber"];

    /// <summary>
    /// The most trigram-index candidates for which <c>searchText</c> is answered from the index; a text matching
    /// more is common enough that walking the contacts newest first fills a page sooner.
    /// </summary>
    public const int SearchIndexCap = 20_000;

    /// <summary>
    /// The tenant's chats, less deleted ones, matching every filter of <paramref name="r"/>, unordered. A
    /// <c>searchText</c> of three or more plain characters costs one capped probe of the trigram index first.
    /// </summary>
    public static async Task<IQueryable<Chat>> ApplyAsync(
        EmulatorDbContext db, IQueryable<Chat> chats, string customerId, ContactSearchRequest r, CancellationToken cancellationToken)
    {
        var labels = db.ChatLabels;
        var query = chats.Where(c => c.CustomerId == customerId && c.Status != ChatStatuses.Deleted);
        var applicable = (r.ApplicableFilters ?? []).ToHashSet(StringComparer.Ordinal);

        if (!string.IsNullOrWhiteSpace(r.SearchText))
        {
            var text = r.SearchText.Trim().ToLowerInvariant();
            if (text.Length >= 3 && text.IndexOfAny(['%', '_']) < 0)
            {
                // Three or more plain characters: the trigram index finds the candidates, unless there are so many
                // that the newest-first walk below is the faster way to a page.
                var substring = "%" + text + "%";
                var candidates = db.ChatSearch.Where(s => EF.Functions.Like(s.SearchText, substring)).Select(s => s.RowId);
                if (await candidates.Take(SearchIndexCap + 1).CountAsync(cancellationToken) <= SearchIndexCap)
                {
                    query = query.Where(c => candidates.Contains(c.SearchRowId));
                }
            }

            var pattern = "%" + EscapeLike(text) + "%";
            query = query.Where(c => EF.Functions.Like(c.SearchText, pattern, "\\"));
        }

        query = WithLabels(query, labels, customerId, LabelKinds.Tag, r.Tags);
        query = WithLabels(query, labels, customerId, LabelKinds.Segment, r.Segments);

        if (r.Status is { Count: > 0 } statuses)
        {
            query = query.Where(c => statuses.Contains(c.Status));
        }

        if (r.LastMessageBy is { Count: > 0 } senders)
        {
            query = query.Where(c => c.LastMessageBy != null && senders.Contains(c.LastMessageBy));
        }

        if (r.AgentAssigned is { Count: > 0 } agents)
        {
            query = query.Where(c => c.AgentAssigned != null && agents.Contains(c.AgentAssigned));
        }

        var website = r.BotWebsite ?? [];
        var whatsapp = r.BotWhatsapp ?? [];
        var telegram = r.BotTelegram ?? [];
        var facebook = r.BotFacebook ?? [];
        if (website.Count + whatsapp.Count + telegram.Count + facebook.Count > 0)
        {
            query = query.Where(c =>
                (c.Channel == Channels.Website && website.Contains(c.BotId))
                || (c.Channel == Channels.WhatsApp && whatsapp.Contains(c.BotId))
                || (c.Channel == Channels.Telegram && telegram.Contains(c.BotId))
                || (c.Channel == Channels.Facebook && facebook.Contains(c.BotId)));
        }

        if (Range(r.CreatedAt) is var (createdAfter, createdUntil))
        {
            query = createdAfter is { } a ? query.Where(c => c.CreatedAt > a) : query;
            query = createdUntil is { } u ? query.Where(c => c.CreatedAt <= u) : query;
        }

        if (Range(r.LastSeenAt) is var (seenAfter, seenUntil))
        {
            query = seenAfter is { } a ? query.Where(c => c.LastSeenAt > a) : query;
            query = seenUntil is { } u ? query.Where(c => c.LastSeenAt <= u) : query;
        }

        if (Applies("isOnline", r.IsOnline, applicable) is { } online)
        {
            query = query.Where(c => c.IsOnline == online);
        }

        if (Applies("userInteracted", r.UserInteracted, applicable) is { } interacted)
        {
            query = query.Where(c => c.UserInteracted == interacted);
        }

        if (Applies("isLiveChatActive", r.IsLiveChatActive, applicable) is { } live)
        {
            query = query.Where(c => c.IsLiveChatActive == live);
        }

        if (Applies("isContact", r.IsContact, applicable) is { } contact)
        {
            query = query.Where(c => c.IsContact == contact);
        }

        if (Applies("isSubscriber", r.IsSubscriber, applicable) is { } subscriber)
        {
            query = query.Where(c => c.IsSubscriber == subscriber);
        }

        if (Applies("hasOrdered", r.HasOrdered?.Status, applicable) is { } ordered)
        {
            query = query.Where(c => c.HasOrdered == ordered);
        }

        if (Timestamps.TryParse(r.HasOrdered?.LastAt, out var orderedSince))
        {
            query = query.Where(c => c.LastOrderedAt >= orderedSince);
        }

        return query;
    }

    private static IQueryable<Chat> WithLabels(
        IQueryable<Chat> query, IQueryable<ChatLabel> labels, string customerId, string kind, List<string>? values)
    {
        if (values is not { Count: > 0 })
        {
            return query;
        }

        // "Id IN (subquery)" lets SQLite drive from the label index when the label is rare.
        var matching = labels.Where(l => l.CustomerId == customerId && l.Kind == kind && values.Contains(l.Value)).Select(l => l.ChatId);
        return query.Where(c => matching.Contains(c.Id));
    }

    private static bool? Applies(string name, bool? value, HashSet<string> applicable) =>
        applicable.Contains(name) ? value ?? false
        : value == true ? true
        : null;

    private static (DateTime? After, DateTime? Until)? Range(DateRange? range)
    {
        DateTime? after = Timestamps.TryParse(range?.StartAt, out var a) ? a : null;
        DateTime? until = Timestamps.TryParse(range?.EndsAt, out var u) ? u : null;
        return after is null && until is null ? null : (after, until);
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
