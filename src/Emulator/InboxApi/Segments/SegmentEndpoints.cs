using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json.Serialization;
using Emulator.Common;
using Emulator.Data;
using Emulator.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Emulator.Segments;

/// <summary>Maps <c>GET /inbox/segments</c>.</summary>
public static class SegmentEndpoints
{
    /// <summary>Adds the segment listing to the <c>/inbox</c> group.</summary>
    public static RouteGroupBuilder MapSegmentApi(this RouteGroupBuilder inbox)
    {
        inbox.MapGet("/segments", List)
            .WithName("ListSegments")
            .WithSummary("List the customer's segments")
            .WithDescription("Every segment of the token's customer, newest first; [] until segments exist. A contact's " +
                "segments filter in POST /inbox/users takes these _ids. Token: Authorization: Bearer.")
            .WithTags("Contacts")
            .WithMetadata(new TokenHeader(null));
        return inbox;
    }

    private static async Task<Ok<DataEnvelope<IReadOnlyList<SegmentWire>>>> List(Tenant tenant, EmulatorDbContext db, CancellationToken cancellationToken)
    {
        var customerId = tenant.CustomerId;
        var segments = await db.Segments.AsNoTracking().Where(s => s.CustomerId == customerId)
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).ToListAsync(cancellationToken);
        return ApiResults.Ok<IReadOnlyList<SegmentWire>>(segments.Select(s => new SegmentWire(
            s.Id, s.Name, s.CustomerId, Timestamps.Format(s.CreatedAt), Timestamps.Format(s.UpdatedAt))).ToList());
    }
}

/// <summary>A segment as <c>GET /inbox/segments</c> returns it: <c>{_id, name, _customer, createdAt, updatedAt}</c>.</summary>
public sealed record SegmentWire(
    [property: JsonPropertyName("_id")] string Id,
    string Name,
    [property: JsonPropertyName("_customer")] string Customer,
    string CreatedAt,
    string UpdatedAt);
