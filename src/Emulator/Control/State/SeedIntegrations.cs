using Emulator.Common;
using Emulator.Data;
using Emulator.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace Emulator.State;

/// <summary>
/// The WhatsApp templates and webhook subscriptions of a <see cref="SeedDocument"/>: their checks, storing and export,
/// for <see cref="SeedLoader"/> and <see cref="DataEndpoints.ExportAsync"/>. A template or subscription with the
/// <c>_id</c> of a stored one replaces it; a subscription also replaces one of the same tenant, bot, event, slug and URL
/// (the key <c>subscribe-trigger-event</c> keeps unique).
/// </summary>
internal static class SeedIntegrations
{
    /// <summary>
    /// The checks that need to know the tenants: each entry's tenant is known (<paramref name="known"/>), a template
    /// without <c>botId</c> has a tenant with a WhatsApp bot (<paramref name="whatsAppBot"/>), no <c>_id</c> or
    /// subscription key twice.
    /// </summary>
    public static void Check(List<TemplateCreate> templates, List<SeedWebhook> webhooks, ISet<string> known, Func<string, string?> whatsAppBot,
        SeedProblems problems)
    {
        for (var i = 0; i < templates.Count; i++)
        {
            var customer = templates[i].CustomerId!;
            if (!known.Contains(customer))
            {
                problems.Add($"templates[{i}].customerId", $"No tenant has customerId '{customer}'.");
            }
            else if (templates[i].BotId is null && whatsAppBot(customer) is null)
            {
                problems.Add($"templates[{i}].botId", $"Tenant '{customer}' has no WhatsApp bot: give the template's botId.");
            }
        }

        var keys = new Dictionary<(string, string, string, string, string), int>();
        for (var i = 0; i < webhooks.Count; i++)
        {
            var w = webhooks[i];
            if (!known.Contains(w.CustomerId!))
            {
                problems.Add($"webhooks[{i}].customerId", $"No tenant has customerId '{w.CustomerId}'.");
            }

            if (!keys.TryAdd((w.CustomerId!, w.BotId!, w.Event!, w.Slug ?? "", w.Url!), i))
            {
                problems.Add($"webhooks[{i}]", $"webhooks[{keys[(w.CustomerId!, w.BotId!, w.Event!, w.Slug ?? "", w.Url!)]}] subscribes the same URL to the same bot, event and slug.");
            }
        }

        SeedLoader.Duplicates(templates.Select(t => t.Id), "templates", "_id", problems);
        SeedLoader.Duplicates(webhooks.Select(w => w.Id), "webhooks", "_id", problems);
    }

    /// <summary>Under the write lock: no <c>_id</c> that another customer's template or subscription has.</summary>
    public static async Task CheckStoredAsync(EmulatorDbContext db, List<TemplateCreate> templates, List<SeedWebhook> webhooks, SeedProblems problems,
        CancellationToken ct)
    {
        var templateIds = templates.Where(t => t.Id is not null).Select(t => t.Id!).ToList();
        var templateOwners = await db.WhatsAppTemplates.AsNoTracking().Where(t => templateIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.CustomerId, ct);
        for (var i = 0; i < templates.Count; i++)
        {
            if (templates[i].Id is { } id && templateOwners.TryGetValue(id, out var owner) && owner != templates[i].CustomerId)
            {
                problems.Add($"templates[{i}]._id", "A template of another customer has this _id.");
            }
        }

        var webhookIds = webhooks.Where(w => w.Id is not null).Select(w => w.Id!).ToList();
        var webhookOwners = await db.WebhookSubscriptions.AsNoTracking().Where(w => webhookIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.CustomerId, ct);
        for (var i = 0; i < webhooks.Count; i++)
        {
            if (webhooks[i].Id is { } id && webhookOwners.TryGetValue(id, out var owner) && owner != webhooks[i].CustomerId)
            {
                problems.Add($"webhooks[{i}]._id", "A webhook subscription of another customer has this _id.");
            }
        }
    }

    /// <summary>Stores the (checked) templates and subscriptions, replacing those they name.</summary>
    public static async Task StoreAsync(EmulatorDbContext db, List<TemplateCreate> templates, List<SeedWebhook> webhooks, Func<string, string?> whatsAppBot,
        DateTime now, CancellationToken ct)
    {
        var templateIds = templates.Where(t => t.Id is not null).Select(t => t.Id!).ToList();
        await db.WhatsAppTemplates.Where(t => templateIds.Contains(t.Id)).ExecuteDeleteAsync(ct);
        foreach (var template in templates)
        {
            db.WhatsAppTemplates.Add(template.ToTemplate(template.BotId ?? whatsAppBot(template.CustomerId!)!, now, db.Ids));
        }

        foreach (var w in webhooks)
        {
            var createdAt = SeedMapping.Time(w.CreatedAt) ?? now;
            await Webhooks.WebhookSubscriptions.SubscribeAsync(db, new WebhookSubscription
            {
                Id = w.Id ?? db.Ids.New(createdAt),
                CustomerId = w.CustomerId!,
                BotId = w.BotId!,
                Event = w.Event!,
                Url = w.Url!,
                Slug = w.Slug ?? "",
                Category = w.Category ?? "",
                Platform = w.Platform,
                CreatedAt = createdAt,
            }, ct);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The stored templates and subscriptions, everyone's or <paramref name="customerId"/>'s, oldest first.</summary>
    public static async Task<(List<TemplateCreate?> Templates, List<SeedWebhook?> Webhooks)> ExportAsync(EmulatorDbContext db, string? customerId,
        CancellationToken ct)
    {
        var templates = await db.WhatsAppTemplates.AsNoTracking().Where(t => customerId == null || t.CustomerId == customerId)
            .OrderBy(t => t.CustomerId).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync(ct);
        var webhooks = await db.WebhookSubscriptions.AsNoTracking().Where(w => customerId == null || w.CustomerId == customerId)
            .OrderBy(w => w.CustomerId).ThenBy(w => w.CreatedAt).ThenBy(w => w.Id).ToListAsync(ct);
        return (templates.Select(t => (TemplateCreate?)TemplateCreate.From(t)).ToList(), webhooks.Select(w => (SeedWebhook?)new SeedWebhook
        {
            Id = w.Id,
            CustomerId = w.CustomerId,
            BotId = w.BotId,
            Event = w.Event,
            Url = w.Url,
            Slug = w.Slug,
            Category = w.Category,
            Platform = w.Platform,
            CreatedAt = Timestamps.Format(w.CreatedAt),
        }).ToList());
    }
}
