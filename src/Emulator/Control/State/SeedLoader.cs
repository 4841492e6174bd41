using Emulator.Common;
using Emulator.Data;
using Emulator.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Emulator.State;

/// <summary>
/// Loads a validated <see cref="SeedDocument"/> in one write transaction, or nothing of it: first every rule that needs
/// the stored data is checked (each chat's tenant is known, no <c>_id</c> twice, a uuid unique per customer and bot,
/// segment members exist, tenants do not clash), and any problem rejects the whole document, listed by path. A chat or
/// segment with the <c>_id</c> of a stored one replaces it. Segment membership is what the document's segments say: a
/// replaced chat is in exactly the document's segments that list it.
/// </summary>
public sealed class SeedLoader(SingleWriter writer, TenantDirectory directory, TimeProvider clock, ObjectIds ids)
{
    /// <summary>Loads <paramref name="document"/>.</summary>
    /// <returns>What was loaded, or the problems by JSON path (nothing was written then).</returns>
    public async Task<(SeedResult? Loaded, IReadOnlyDictionary<string, string[]>? Problems)> LoadAsync(SeedDocument document, CancellationToken cancellationToken)
    {
        var tenants = (document.Tenants ?? []).ToList();
        var chats = (document.Chats ?? []).OfType<SeedChat>().ToList();
        var segments = (document.Segments ?? []).OfType<SeedSegment>().ToList();
        var templates = (document.Templates ?? []).OfType<WhatsApp.TemplateCreate>().ToList();
        var webhooks = (document.Webhooks ?? []).OfType<SeedWebhook>().ToList();
        var problems = new SeedProblems();
        var newTenants = CheckTenants(tenants, problems);
        var known = directory.All().Select(e => e.Tenant.CustomerId).Concat(newTenants.Select(t => t.CustomerId)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < chats.Count; i++)
        {
            if (!known.Contains(chats[i].CustomerId!))
            {
                problems.Add($"chats[{i}].customerId", $"No tenant has customerId '{chats[i].CustomerId}': add it to tenants, or configure it.");
            }
        }

        for (var i = 0; i < segments.Count; i++)
        {
            if (!known.Contains(segments[i].CustomerId!))
            {
                problems.Add($"segments[{i}].customerId", $"No tenant has customerId '{segments[i].CustomerId}'.");
            }
        }

        Duplicates(chats.Select(c => c.Id), "chats", "_id", problems);
        Duplicates(segments.Select(s => s.Id), "segments", "_id", problems);
        string? WhatsAppBot(string customerId) =>
            directory.WhatsAppBotOf(customerId) ?? newTenants.FirstOrDefault(t => t.CustomerId == customerId)?.WhatsAppBotId;
        SeedIntegrations.Check(templates, webhooks, known, WhatsAppBot, problems);

        // The checks against the stored data run even when others failed, so that one answer lists every problem.
        var now = Timestamps.Now(clock);
        var result = await writer.WriteAsync(async (db, ct) =>
        {
            await SeedIntegrations.CheckStoredAsync(db, templates, webhooks, problems, ct);
            if (await CheckStoredAsync(db, chats, segments, problems, ct))
            {
                return null;
            }

            foreach (var account in newTenants)
            {
                db.Tenants.Add(account);
            }

            await StoreAsync(db, chats, segments, now, ct);
            await SeedIntegrations.StoreAsync(db, templates, webhooks, WhatsAppBot, now, ct);

            // Loading data is not the platform's visitors acting: a seed raises no webhook events (README, "Webhooks").
            db.TakeEvents();
            return new SeedResult(newTenants.Count, chats.Count, segments.Count, templates.Count, webhooks.Count);
        }, cancellationToken);
        if (result is null)
        {
            return (null, problems.ByPath);
        }

        foreach (var account in newTenants)
        {
            directory.Add(account);
        }

        return (result, null);
    }

    // Tenants to create: an identical existing tenant is skipped; a clash with another tenant's id or token is a problem.
    private List<TenantAccount> CheckTenants(List<TenantCreate> tenants, SeedProblems problems)
    {
        var created = new List<TenantAccount>();
        var now = Timestamps.Now(clock);
        for (var i = 0; i < tenants.Count; i++)
        {
            var t = tenants[i];
            if (t.CustomerId is null || t.Token is null)
            {
                problems.Add($"tenants[{i}]", "A tenant in a seed document needs its customerId and token (so that the document loads the same everywhere).");
                continue;
            }

            var existing = directory.OfCustomer(t.CustomerId);
            if (existing.Any(e => e.Token == t.Token))
            {
                continue;
            }

            if (existing.Count > 0 || directory.HasToken(t.Token) || created.Any(c => c.CustomerId == t.CustomerId || c.Token == t.Token))
            {
                problems.Add($"tenants[{i}]", $"customerId '{t.CustomerId}' or its token already belongs to another tenant.");
                continue;
            }

            var account = TenantAdmin.Account(t, t.CustomerId, t.Token, now, ids);
            if (account.WhatsAppApiKey is { } key && (directory.HasWhatsAppApiKey(key) || created.Any(c => c.WhatsAppApiKey == key)))
            {
                problems.Add($"tenants[{i}].whatsAppApiKey", "The WhatsApp apiKey already belongs to another tenant: each key names one tenant.");
                continue;
            }

            created.Add(account);
        }

        return created;
    }

    /// <summary>Adds a problem for each <c>_id</c> that appears again in the same list.</summary>
    internal static void Duplicates(IEnumerable<string?> ids, string list, string member, SeedProblems problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var id in ids)
        {
            if (id is not null && !seen.Add(id))
            {
                problems.Add($"{list}[{i}].{member}", $"'{id}' appears more than once in {list}.");
            }

            i++;
        }
    }

    // Rules against the stored data, under the write lock: uuids unique per (customer, bot), ids not owned by another
    // customer, members that exist.
    private static async Task<bool> CheckStoredAsync(EmulatorDbContext db, List<SeedChat> chats, List<SeedSegment> segments,
        SeedProblems problems, CancellationToken ct)
    {
        var ids = chats.Where(c => c.Id is not null).Select(c => c.Id!).ToList();
        var stored = await db.Chats.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.CustomerId }).ToListAsync(ct);
        var keys = new Dictionary<(string, string, string), int>();
        for (var i = 0; i < chats.Count; i++)
        {
            var c = chats[i];
            if (c.Id is not null && stored.FirstOrDefault(s => s.Id == c.Id) is { } owner && owner.CustomerId != c.CustomerId)
            {
                problems.Add($"chats[{i}]._id", "A chat of another customer has this _id.");
            }

            if (c.Uuid is null)
            {
                continue;
            }

            var key = (c.CustomerId!, c.BotId ?? "", c.Uuid);
            if (!keys.TryAdd(key, i))
            {
                problems.Add($"chats[{i}].uuid", $"chats[{keys[key]}] has the same customerId, botId and uuid.");
                continue;
            }

            var holder = await db.Chats.AsNoTracking()
                .Where(s => s.CustomerId == key.Item1 && s.BotId == key.Item2 && s.Uuid == key.Item3).Select(s => s.Id).FirstOrDefaultAsync(ct);
            if (holder is not null && holder != c.Id)
            {
                problems.Add($"chats[{i}].uuid", $"Stored chat '{holder}' of the same customer and bot has this uuid.");
            }
        }

        var documentChats = chats.Where(c => c.Id is not null).Select(c => (c.CustomerId!, c.Id!)).ToHashSet();
        for (var i = 0; i < segments.Count; i++)
        {
            var members = segments[i].Members ?? [];
            var customer = segments[i].CustomerId!;
            var storedMembers = await db.Chats.Where(c => c.CustomerId == customer && members.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
            for (var j = 0; j < members.Count; j++)
            {
                if (!documentChats.Contains((customer, members[j])) && !storedMembers.Contains(members[j]))
                {
                    problems.Add($"segments[{i}].members[{j}]", $"Customer '{customer}' has no chat '{members[j]}'.");
                }
            }
        }

        return problems.Any;
    }

    private static async Task StoreAsync(EmulatorDbContext db, List<SeedChat> chats, List<SeedSegment> segments, DateTime now, CancellationToken ct)
    {
        var segmentIds = segments.Select(s => s.Id ?? db.Ids.New(now)).ToList();
        var membership = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Count; i++)
        {
            foreach (var member in segments[i].Members ?? [])
            {
                (membership.TryGetValue(member, out var list) ? list : membership[member] = []).Add(segmentIds[i]);
            }
        }

        // Replaced chats and segments go first; chats with their timestamps are restored as given, the others start now.
        var replacedChats = chats.Where(c => c.Id is not null).Select(c => c.Id!).ToList();
        await db.ChatLabels.Where(l => replacedChats.Contains(l.ChatId)).ExecuteDeleteAsync(ct);
        await db.Chats.Where(c => replacedChats.Contains(c.Id)).ExecuteDeleteAsync(ct);
        var replacedSegments = segmentIds.ToList();
        await db.Segments.Where(s => replacedSegments.Contains(s.Id)).ExecuteDeleteAsync(ct);

        foreach (var seed in chats.Where(c => c.CreatedAt is not null))
        {
            var createdAt = SeedMapping.Time(seed.CreatedAt)!.Value;
            var chat = new Chat
            {
                Id = seed.Id ?? db.Ids.New(createdAt),
                CustomerId = seed.CustomerId!,
                BotId = seed.BotId ?? "",
                Uuid = seed.Uuid ?? db.Ids.Guid(),
                Channel = seed.Channel ?? Channels.Website,
                CreatedAt = createdAt,
                UpdatedAt = SeedMapping.Time(seed.UpdatedAt) ?? createdAt,
            };
            SeedMapping.Fill(chat, seed, createdAt, db.Ids);
            chat.Segments = membership.GetValueOrDefault(chat.Id) ?? [];
            db.RestoreChat(chat);
        }

        await db.SaveChangesAsync(ct);
        foreach (var seed in chats.Where(c => c.CreatedAt is null))
        {
            var chat = await db.StartChatAsync(seed.CustomerId!, seed.BotId ?? "", seed.Uuid ?? db.Ids.Guid(),
                seed.Channel ?? Channels.Website, ct, seed.Id);
            SeedMapping.Fill(chat, seed, now, db.Ids);
            chat.Segments = membership.GetValueOrDefault(chat.Id) ?? [];
            await db.SaveChangesAsync(ct);
        }

        // Stored chats outside the document: their membership in the document's segments follows the members lists.
        var inDocument = chats.Where(c => c.Id is not null).Select(c => c.Id!).ToHashSet(StringComparer.Ordinal);
        var members = membership.Keys.ToList();
        var touched = await db.Chats.Include(c => c.Labels).Where(c => c.Labels.Any(l => l.Kind == LabelKinds.Segment && replacedSegments.Contains(l.Value))
                || members.Contains(c.Id)).ToListAsync(ct);
        foreach (var chat in touched.Where(c => !inDocument.Contains(c.Id)))
        {
            chat.Segments = chat.Segments.Where(s => !replacedSegments.Contains(s))
                .Concat(membership.GetValueOrDefault(chat.Id) ?? []).Distinct().ToList();
        }

        for (var i = 0; i < segments.Count; i++)
        {
            var createdAt = SeedMapping.Time(segments[i].CreatedAt) ?? now;
            db.Segments.Add(new Segment
            {
                Id = segmentIds[i],
                CustomerId = segments[i].CustomerId!,
                Name = segments[i].Name!,
                CreatedAt = createdAt,
                UpdatedAt = SeedMapping.Time(segments[i].UpdatedAt) ?? createdAt,
            });
        }

        await db.SaveChangesAsync(ct);
    }
}

/// <summary>What a seed document loaded.</summary>
/// <param name="Tenants">Runtime tenants created (identical existing ones are not counted).</param>
/// <param name="Chats">Chats stored (new or replaced).</param>
/// <param name="Segments">Segments stored (new or replaced).</param>
/// <param name="Templates">WhatsApp templates stored (new or replaced).</param>
/// <param name="Webhooks">Webhook subscriptions stored (new or replaced).</param>
public sealed record SeedResult(int Tenants, int Chats, int Segments, int Templates = 0, int Webhooks = 0);

/// <summary>Problems found in a seed document, by JSON path.</summary>
internal sealed class SeedProblems
{
    private readonly Dictionary<string, List<string>> _byPath = new(StringComparer.Ordinal);

    public bool Any => _byPath.Count > 0;

    public IReadOnlyDictionary<string, string[]> ByPath => _byPath.ToDictionary(p => p.Key, p => p.Value.ToArray());

    public void Add(string path, string problem) => (_byPath.TryGetValue(path, out var list) ? list : _byPath[path] = []).Add(problem);
}
