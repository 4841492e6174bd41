using Emulator.Common;
using Emulator.Data;
using Microsoft.EntityFrameworkCore;

namespace Emulator.Contacts;

/// <summary>
/// Translates a <see cref="ContactSearchRequest"/> into SQL over a tenant's chats: the page's query, after at most a
/// capped probe of the trigram or label index (<see cref="ProbeCap"/>). Each filter is a predicate backed by an index of
/// <c>ChatConfiguration</c>; list filters match any listed value; the
/// <c>_bot*</c> lists together match chats of any listed (channel, bot) pair; a boolean filter applies when it
/// is true or when its name is in <c>applicableFilters</c>.
/// </summary>
public static class ContactQuery
{
    /// <summary>The boolean filters that <c>applicableFilters</c> can name.</summary>
    public static readonly IReadOnlyList<string> BooleanFilters =
        ["isOnline", "userInteracted", "isLiveChatActive", "hasOrdered", "isContact", "isSubscriber"];

    /// <summary>The fewest candidates for which a filter's own index is always used (<see cref="ProbeCap"/>).</summary>
    public const int MinProbeCap = 200;

    /// <summary>The most candidates for which a filter's own index is ever used (<see cref="ProbeCap"/>).</summary>
    public const int MaxProbeCap = 20_000;

    /// <summary>
    /// The most candidates a filter's own index (the trigram index for <c>searchText</c>, the label index for
    /// <c>tags</c> and <c>segments</c>) may name for the page to be read from them. Reading a page from M candidates costs
    /// M row reads and a sort; walking the contacts newest first and testing each costs about
    /// <paramref name="rowsNeeded"/> × <paramref name="stored"/> / M rows. So the index is used while M is at most
    /// √(<paramref name="rowsNeeded"/> × <paramref name="stored"/>), kept within [<see cref="MinProbeCap"/>,
    /// <see cref="MaxProbeCap"/>]: 447 for page 1 among 10,000 chats, 4,472 among 1,000,000. Either way the answer is the
    /// same; only the work differs.
    /// </summary>
    /// <param name="rowsNeeded">Matches up to the end of the page asked for: page × page size.</param>
    /// <param name="stored">Chats stored, all tenants (an upper bound of the tenant's).</param>
    public static int ProbeCap(long rowsNeeded, long stored) =>
        (int)Math.Clamp(Math.Sqrt((double)rowsNeeded * stored), MinProbeCap, MaxProbeCap);

    /// <summary>
    /// Page <see cref="ContactSearchRequest.Page"/> (1 when absent) of <paramref name="size"/> contacts of
    /// <paramref name="customerId"/> matching <paramref name="r"/>, newest <c>createdAt</c> first (<see cref="Paging"/>).
    /// A page that would come from a walk (every probed filter common) is first read among the newest 2 × cap chats
    /// only, which holds it when the matches are spread evenly; when it is not full there, the filters' indexes drive
    /// the page instead, so matches that are all old never cost a walk of the whole tenant.
    /// </summary>
    public static async Task<List<Chat>> PageAsync(
        EmulatorDbContext db, string customerId, ContactSearchRequest r, int size, CancellationToken cancellationToken)
    {
        var page = r.Page ?? 1;
        var rowsNeeded = (long)page * size;
        var probe = new IndexProbe(db, rowsNeeded, indexOnly: false, cancellationToken);
        var matching = await ApplyAsync(db, customerId, r, probe, cancellationToken);
        if (probe.WalksOnly)
        {
            // The (createdAt, _id) of the 2 × cap-th newest live chat: the walk's matches from there on are a prefix of
            // all matches, so a full page among them is the page.
            var edge = await Live(db, customerId).OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
                .Skip((2 * await probe.CapAsync()) - 1).Select(c => new { c.CreatedAt, c.Id }).FirstOrDefaultAsync(cancellationToken);
            if (edge is null)
            {
                return await Paging.PageAsync(db, matching, page, size, cancellationToken);
            }

            var near = await Paging.PageAsync(db, matching.Where(c => c.CreatedAt > edge.CreatedAt
                || (c.CreatedAt == edge.CreatedAt && string.Compare(c.Id, edge.Id) >= 0)), page, size, cancellationToken);
            if (near.Count == size)
            {
                return near;
            }

            matching = await ApplyAsync(db, customerId, r, new IndexProbe(db, rowsNeeded, indexOnly: true, cancellationToken), cancellationToken);
        }

        return await Paging.PageAsync(db, matching, page, size, cancellationToken);
    }

    private static IQueryable<Chat> Live(EmulatorDbContext db, string customerId) =>
        db.Chats.Where(c => c.CustomerId == customerId && c.Status != ChatStatuses.Deleted);

    /// <summary>
    /// The tenant's chats, less deleted ones, matching every filter of <paramref name="r"/>, unordered. A
    /// <c>searchText</c> of three or more plain characters, <c>tags</c> and <c>segments</c> are each driven by their
    /// index or tested per chat, as <paramref name="probe"/> decides.
    /// </summary>
    private static async Task<IQueryable<Chat>> ApplyAsync(
        EmulatorDbContext db, string customerId, ContactSearchRequest r, IndexProbe probe, CancellationToken cancellationToken)
    {
        var labels = db.ChatLabels;
        var query = Live(db, customerId);
        var applicable = (r.ApplicableFilters ?? []).ToHashSet(StringComparer.Ordinal);

        if (!string.IsNullOrWhiteSpace(r.SearchText))
        {
            var text = r.SearchText.Trim().ToLowerInvariant();
            if (text.Length >= 3 && text.IndexOfAny(['%', '_']) < 0)
            {
                // Three or more plain characters: the trigram index names the tenant's live candidates once, and the
                // page is read from those rows (the index is not asked again inside the page query), unless there are so
                // many that a walk is the faster way to a page. A chat written between the two statements is left out as
                // if the search had come before it: the page re-tests every candidate's text.
                var substring = "%" + text + "%";
                var inIndex = db.ChatSearch.Where(s => EF.Functions.Like(s.SearchText, substring));
                if (probe.IndexOnly)
                {
                    var all = inIndex.Select(s => s.RowId);
                    query = query.Where(c => all.Contains(c.SearchRowId));
                }
                else
                {
                    var rowIds = await inIndex.Join(Live(db, customerId), s => s.RowId, c => c.SearchRowId, (s, c) => s.RowId)
                        .OrderBy(id => id).Take(await probe.CapAsync() + 1).ToListAsync(cancellationToken);
                    if (await probe.DrivesAsync(rowIds.Count))
                    {
                        query = query.Where(c => EF.Parameter(rowIds).Contains(c.SearchRowId));
                    }
                }
            }

            var pattern = "%" + EscapeLike(text) + "%";
            query = query.Where(c => EF.Functions.Like(c.SearchText, pattern, "\\"));
        }

        query = await WithLabelsAsync(query, labels, customerId, LabelKinds.Tag, r.Tags, probe, cancellationToken);
        query = await WithLabelsAsync(query, labels, customerId, LabelKinds.Segment, r.Segments, probe, cancellationToken);

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

    private static async Task<IQueryable<Chat>> WithLabelsAsync(
        IQueryable<Chat> query, IQueryable<ChatLabel> labels, string customerId, string kind, List<string>? values,
        IndexProbe probe, CancellationToken cancellationToken)
    {
        if (values is not { Count: > 0 })
        {
            return query;
        }

        var matching = labels.Where(l => l.CustomerId == customerId && l.Kind == kind && values.Contains(l.Value));
        if (probe.IndexOnly || await probe.DrivesAsync(await matching.Take(await probe.CapAsync() + 1).CountAsync(cancellationToken)))
        {
            // A rare label: "Id IN (subquery)" drives the page from the label index.
            var ids = matching.Select(l => l.ChatId);
            return query.Where(c => ids.Contains(c.Id));
        }

        // A common label: walk the contacts newest first and look each one's label up by its key. Driven from the
        // label index, a label on 1,000 of 10,000 chats cost 1,000 row reads and a sort per page (about 6 ms; the walk
        // under 1 ms).
        return query.Where(c => labels.Any(l => l.ChatId == c.Id && l.Kind == kind && values.Contains(l.Value)));
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
