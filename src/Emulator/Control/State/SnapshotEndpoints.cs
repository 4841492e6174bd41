namespace Emulator.State;

/// <summary><c>/_emulator/snapshots</c>: save, restore, list and drop named snapshots of the whole state.</summary>
public static class SnapshotEndpoints
{
    /// <summary>Maps the snapshot endpoints on the control surface group.</summary>
    public static RouteGroupBuilder MapSnapshotApi(this RouteGroupBuilder emulator)
    {
        var snapshots = emulator.MapGroup("/snapshots").WithTags("Data");
        snapshots.MapPut("/{name}", async Task<IResult> (string name, Snapshots store, CancellationToken cancellationToken) =>
                Snapshots.IsName(name) ? TypedResults.Ok(await store.SaveAsync(name, cancellationToken)) : BadName(name))
            .WithName("SaveSnapshot")
            .WithSummary("Save the whole state (every tenant's data and the runtime tenants) under a name")
            .WithDescription("Replaces a snapshot of the same name. Taken between writes: never half a write. Names: 1 to 64 letters, " +
                "digits, '.', '_' or '-'.")
            .Produces<SnapshotWire>()
            .ProducesValidationProblem();
        snapshots.MapPost("/{name}/restore", async Task<IResult> (string name, Snapshots store, CancellationToken cancellationToken) =>
                !Snapshots.IsName(name) ? BadName(name)
                : await store.RestoreAsync(name, cancellationToken) is { } restored ? TypedResults.Ok(restored)
                : NoSnapshot(name))
            .WithName("RestoreSnapshot")
            .WithSummary("Bring back the state saved under a name")
            .WithDescription("Runs between writes; reads in flight finish on the data they started with. The journal, fault rules and " +
                "clock are not part of a snapshot.")
            .Produces<SnapshotWire>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        snapshots.MapGet("/", (Snapshots store) => TypedResults.Ok(store.List()))
            .WithName("ListSnapshots")
            .WithSummary("Every saved snapshot")
            .WithDescription("Snapshots are files in Emulator:SnapshotFolder and outlive restarts.");
        snapshots.MapDelete("/{name}", IResult (string name, Snapshots store) =>
                !Snapshots.IsName(name) ? BadName(name) : store.Delete(name) ? TypedResults.NoContent() : NoSnapshot(name))
            .WithName("DeleteSnapshot")
            .WithSummary("Drop a snapshot")
            .WithDescription("The current state is not touched.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return emulator;
    }

    private static IResult BadName(string name) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            ["name"] = [Snapshots.NameProblem(name)],
        });

    private static IResult NoSnapshot(string name) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such snapshot", detail: $"No snapshot is named '{name}'.");
}
