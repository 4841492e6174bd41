using Emulator.Common;
using Emulator.Data;
using Emulator.Simulation;
using Emulator.State;
using Emulator.Tenants;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Emulator.Segments;

/// <summary>
/// <c>/_emulator/segments</c>: create, list and delete a tenant's segments and change their members, so that
/// <c>GET /inbox/segments</c> and the <c>segments</c> filter of <c>POST /inbox/users</c> have something to show.
/// Members are chat <c>_id</c>s; a chat's <c>segments</c> field lists the segments it is in.
/// </summary>
public static class SegmentAdminEndpoints
{
    /// <summary>Maps the segment endpoints on the control surface group.</summary>
    public static RouteGroupBuilder MapSegmentAdminApi(this RouteGroupBuilder emulator)
    {
        var segments = emulator.MapGroup("/segments").WithTags("Segments");
        segments.MapPost("/", async Task<IResult> (SegmentCreate body, TenantDirectory directory, SingleWriter writer, TimeProvider clock,
                CancellationToken cancellationToken) =>
            {
                if (directory.OfCustomer(body.CustomerId!).Count == 0)
                {
                    return SimulationEndpoints.NoTenant(body.CustomerId!);
                }

                var (wire, missing) = await writer.WriteAsync<(SeedSegment?, List<string>)>(async (db, ct) =>
                {
                    var now = Timestamps.Now(clock);
                    var segment = new Segment { Id = db.Ids.New(now), CustomerId = body.CustomerId!, Name = body.Name!, CreatedAt = now, UpdatedAt = now };
                    db.Segments.Add(segment);
                    var missing = await ChangeMembersAsync(db, segment, body.Members ?? [], [], ct);
                    if (missing.Count > 0)
                    {
                        return (null, missing);
                    }

                    await db.SaveChangesAsync(ct);
                    return (await WireAsync(db, segment, ct), missing);
                }, cancellationToken);
                return wire is not null ? TypedResults.Created($"/_emulator/segments/{wire.Id}", wire) : NoChats(missing);
            })
            .WithName("CreateSegment")
            .WithSummary("Create a segment of a tenant's contacts, optionally with members")
            .WithDescription("members are chat _ids of the same tenant. The segment appears in GET /inbox/segments at once.")
            .Produces<SeedSegment>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        segments.MapGet("/", async (string customerId, EmulatorDbContext db, CancellationToken cancellationToken) =>
            {
                var stored = await db.Segments.AsNoTracking().Where(s => s.CustomerId == customerId)
                    .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).ToListAsync(cancellationToken);
                var list = new List<SeedSegment>();
                foreach (var segment in stored)
                {
                    list.Add(await WireAsync(db, segment, cancellationToken));
                }

                return TypedResults.Ok(list);
            })
            .WithName("ListSegmentsWithMembers")
            .WithSummary("A tenant's segments with their members, newest first")
            .WithDescription("The same form as the segments of a seed document.");
        segments.MapPost("/{id}/members", (string id, SegmentMembers body, SingleWriter writer, TimeProvider clock, CancellationToken cancellationToken) =>
                ChangeAsync(writer, id, async (db, segment, ct) =>
                {
                    segment.UpdatedAt = Timestamps.Now(clock);
                    return await ChangeMembersAsync(db, segment, body.Add ?? [], body.Remove ?? [], ct);
                }, cancellationToken))
            .WithName("ChangeSegmentMembers")
            .WithSummary("Add chats to a segment and remove others")
            .WithDescription("add and remove hold chat _ids of the segment's tenant; removing a chat that is not a member changes nothing.")
            .Produces<SeedSegment>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        segments.MapDelete("/{id}", async Task<IResult> (string id, SingleWriter writer, CancellationToken cancellationToken) =>
            {
                var deleted = await writer.WriteAsync(async (db, ct) =>
                {
                    var segment = await db.Segments.SingleOrDefaultAsync(s => s.Id == id, ct);
                    if (segment is null)
                    {
                        return false;
                    }

                    var members = await MembersAsync(db, segment, ct);
                    await ChangeMembersAsync(db, segment, [], members, ct);
                    db.Segments.Remove(segment);
                    await db.SaveChangesAsync(ct);
                    return true;
                }, cancellationToken);
                return deleted ? TypedResults.NoContent() : NoSegment(id);
            })
            .WithName("DeleteSegment")
            .WithSummary("Delete a segment; its members leave it")
            .WithDescription("The chats stay; their segments field no longer lists it.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return emulator;
    }

    private static async Task<IResult> ChangeAsync(SingleWriter writer, string id,
        Func<EmulatorDbContext, Segment, CancellationToken, Task<List<string>>> change, CancellationToken cancellationToken)
    {
        var (wire, missing) = await writer.WriteAsync<(SeedSegment?, List<string>?)>(async (db, ct) =>
        {
            var segment = await db.Segments.SingleOrDefaultAsync(s => s.Id == id, ct);
            if (segment is null)
            {
                return (null, null);
            }

            var missing = await change(db, segment, ct);
            if (missing.Count > 0)
            {
                return (null, missing);
            }

            await db.SaveChangesAsync(ct);
            return (await WireAsync(db, segment, ct), missing);
        }, cancellationToken);
        return wire is not null ? TypedResults.Ok(wire) : missing is null ? NoSegment(id) : NoChats(missing);
    }

    // Adds and removes the segment's id on the chats' segments lists (the label rows follow on save); returns the ids
    // that are not chats of the segment's tenant.
    private static async Task<List<string>> ChangeMembersAsync(EmulatorDbContext db, Segment segment, IReadOnlyList<string> add,
        IReadOnlyList<string> remove, CancellationToken ct)
    {
        var ids = add.Concat(remove).Distinct().ToList();
        var chats = await db.Chats.Include(c => c.Labels).Where(c => c.CustomerId == segment.CustomerId && ids.Contains(c.Id)).ToListAsync(ct);
        var missing = add.Where(a => chats.All(c => c.Id != a)).ToList();
        foreach (var chat in chats)
        {
            var member = add.Contains(chat.Id) || (chat.Segments.Contains(segment.Id) && !remove.Contains(chat.Id));
            var updated = chat.Segments.Where(s => s != segment.Id).Concat(member ? [segment.Id] : []).ToList();
            if (!updated.SequenceEqual(chat.Segments))
            {
                chat.SetSegments(updated);
            }
        }

        return missing;
    }

    private static Task<List<string>> MembersAsync(EmulatorDbContext db, Segment segment, CancellationToken ct) =>
        db.ChatLabels.Where(l => l.CustomerId == segment.CustomerId && l.Kind == LabelKinds.Segment && l.Value == segment.Id)
            .Select(l => l.ChatId).OrderBy(c => c).ToListAsync(ct);

    private static async Task<SeedSegment> WireAsync(EmulatorDbContext db, Segment segment, CancellationToken ct) => new()
    {
        Id = segment.Id,
        CustomerId = segment.CustomerId,
        Name = segment.Name,
        CreatedAt = Timestamps.Format(segment.CreatedAt),
        UpdatedAt = Timestamps.Format(segment.UpdatedAt),
        Members = await MembersAsync(db, segment, ct),
    };

    private static IResult NoSegment(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such segment", detail: $"No segment has _id '{id}'.");

    private static IResult NoChats(IEnumerable<string> missing) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such chats",
            detail: $"The segment's tenant has no chats with _id {string.Join(", ", missing.Select(m => $"'{m}'"))}.");
}

/// <summary>Body of <c>POST /_emulator/segments</c>.</summary>
/// <param name="CustomerId">The tenant (required).</param>
/// <param name="Name">The segment's name (required, at most 256 characters).</param>
/// <param name="Members">Chat <c>_id</c>s to put in it.</param>
public sealed record SegmentCreate(string? CustomerId, string? Name, List<string>? Members);

/// <summary>Body of <c>POST /_emulator/segments/{id}/members</c>.</summary>
/// <param name="Add">Chat <c>_id</c>s to add.</param>
/// <param name="Remove">Chat <c>_id</c>s to remove.</param>
public sealed record SegmentMembers(List<string>? Add, List<string>? Remove);

/// <summary>Checks <see cref="SegmentCreate"/>.</summary>
public sealed class SegmentCreateValidator : WireValidator<SegmentCreate>
{
    /// <summary>Creates the rules.</summary>
    public SegmentCreateValidator()
    {
        RuleFor(s => s.CustomerId).NotEmpty().WithMessage("customerId is required.");
        RuleFor(s => s.Name).NotEmpty().WithMessage("name is required.").Text();
        RuleFor(s => s.Members!.Count).LessThanOrEqualTo(10_000).When(s => s.Members is not null).WithMessage("members must hold at most 10000 ids.");
    }
}

/// <summary>Checks <see cref="SegmentMembers"/>.</summary>
public sealed class SegmentMembersValidator : WireValidator<SegmentMembers>
{
    /// <summary>Creates the rules.</summary>
    public SegmentMembersValidator() =>
        RuleFor(s => (s.Add ?? new List<string>()).Count + (s.Remove ?? new List<string>()).Count).LessThanOrEqualTo(10_000)
            .OverridePropertyName("add").WithMessage("add and remove must hold at most 10000 ids together.");
}
