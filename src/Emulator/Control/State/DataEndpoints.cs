using Emulator.Data;
using Emulator.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Emulator.State;

/// <summary><c>/_emulator/seed</c>, <c>/_emulator/export</c> and <c>/_emulator/chats</c>: data in and out as a <see cref="SeedDocument"/>.</summary>
public static class DataEndpoints
{
    /// <summary>Maps the data endpoints on the control surface group.</summary>
    public static RouteGroupBuilder MapDataApi(this RouteGroupBuilder emulator)
    {
        emulator.MapPost("/seed", async Task<IResult> (SeedDocument document, SeedLoader loader, CancellationToken cancellationToken) =>
            {
                var (loaded, problems) = await loader.LoadAsync(document, cancellationToken);
                return loaded is null ? TypedResults.ValidationProblem(problems!, title: "The seed document was not loaded") : TypedResults.Ok(loaded);
            })
            .WithName("Seed")
            .WithTags("Data")
            .WithSummary("Load a seed document (tenants, chats, segments, WhatsApp templates, webhook subscriptions) in one transaction")
            .WithDescription("All or nothing: a document with any problem is rejected whole, with every problem listed under its JSON path " +
                "(errors[\"chats[3].email\"]). A chat or segment with the _id of a stored one replaces it; chats without createdAt start now. " +
                "The same format as GET /_emulator/export.")
            .Produces<SeedResult>()
            .ProducesValidationProblem();
        emulator.MapGet("/export", async (string? customerId, TenantDirectory directory, EmulatorDbContext db, CancellationToken cancellationToken) =>
                TypedResults.Ok(await ExportAsync(db, directory, customerId, cancellationToken)))
            .WithName("Export")
            .WithTags("Data")
            .WithSummary("Everything stored, or one tenant's (customerId), as a seed document")
            .WithDescription("Runtime tenants (with their tokens), every chat with every stored field (DELETED contacts included), " +
                "segments with their members, WhatsApp templates and webhook subscriptions. Export, reset, seed gives back identical listings, ids and timestamps included.");
        emulator.MapGet("/chats", async (string customerId, EmulatorDbContext db, CancellationToken cancellationToken) =>
                TypedResults.Ok((await db.Chats.AsNoTracking().Where(c => c.CustomerId == customerId)
                    .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).ToListAsync(cancellationToken)).Select(SeedMapping.ToSeed).ToList()))
            .WithName("ListStoredChats")
            .WithTags("Data")
            .WithSummary("Every chat stored for a tenant, newest first, DELETED contacts included")
            .WithDescription("In the seed document's chat form: every stored field, whatever the emulated listings filter out.");
        return emulator;
    }

    /// <summary>The stored data as a seed document: everything, or <paramref name="customerId"/>'s.</summary>
    public static async Task<SeedDocument> ExportAsync(EmulatorDbContext db, TenantDirectory directory, string? customerId, CancellationToken cancellationToken)
    {
        var chats = await db.Chats.AsNoTracking().Where(c => customerId == null || c.CustomerId == customerId)
            .OrderBy(c => c.CustomerId).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var segments = await db.Segments.AsNoTracking().Where(s => customerId == null || s.CustomerId == customerId)
            .OrderBy(s => s.CustomerId).ThenBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var (templates, webhooks) = await SeedIntegrations.ExportAsync(db, customerId, cancellationToken);
        return new SeedDocument
        {
            Tenants = directory.All().Where(e => e.Source == TenantSources.Runtime && (customerId is null || e.Tenant.CustomerId == customerId))
                .Select(e => new TenantCreate(e.Tenant.CustomerId, e.Tenant.AgencyId, e.Token, e.Bots.ToDictionary(), e.WhatsAppApiKey)).ToList(),
            Chats = chats.Select(c => (SeedChat?)SeedMapping.ToSeed(c)).ToList(),
            Segments = segments.Select(s => (SeedSegment?)new SeedSegment
            {
                Id = s.Id,
                CustomerId = s.CustomerId,
                Name = s.Name,
                CreatedAt = Common.Timestamps.Format(s.CreatedAt),
                UpdatedAt = Common.Timestamps.Format(s.UpdatedAt),
                Members = chats.Where(c => c.CustomerId == s.CustomerId && c.Segments.Contains(s.Id)).Select(c => c.Id).ToList(),
            }).ToList(),
            Templates = templates,
            Webhooks = webhooks,
        };
    }
}
