namespace Emulator.Faults;

/// <summary><c>/_emulator/faults</c>: add, list and remove fault rules.</summary>
public static class FaultEndpoints
{
    /// <summary>Maps the fault endpoints on the control surface group.</summary>
    public static RouteGroupBuilder MapFaultApi(this RouteGroupBuilder emulator)
    {
        var faults = emulator.MapGroup("/faults").WithTags("Faults");
        faults.MapPost("/", (FaultRequest body, FaultRules rules) =>
            {
                var added = rules.Add(body);
                return TypedResults.Created($"/_emulator/faults/{added.Id}", added);
            })
            .WithName("AddFault")
            .WithSummary("Make matching requests of the emulated API fail, slow down or drop")
            .WithDescription("Rules apply in the order added; the first matching rule whose probability draw succeeds shapes the request. " +
                "Faulted requests appear in the request journal with the rule's id in `fault`. Example: " +
                "{\"method\": \"PUT\", \"path\": \"/inbox/direct/lead\", \"status\": 503, \"retryAfterSeconds\": 1, \"times\": 1}.")
            .Produces<FaultWire>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        faults.MapGet("/", (FaultRules rules) => TypedResults.Ok(rules.List()))
            .WithName("ListFaults")
            .WithSummary("Every active fault rule, with how often it applied")
            .WithDescription("A rule limited by times disappears once it has applied that many times.");
        faults.MapDelete("/", (FaultRules rules) =>
            {
                rules.Reset(null);
                return TypedResults.NoContent();
            })
            .WithName("ClearFaults")
            .WithSummary("Remove every fault rule")
            .WithDescription("Requests are answered normally again at once.");
        faults.MapDelete("/{id}", IResult (string id, FaultRules rules) => rules.Remove(id)
                ? TypedResults.NoContent()
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such fault rule", detail: $"No active rule '{id}'."))
            .WithName("DeleteFault")
            .WithSummary("Remove one fault rule")
            .WithDescription("404 when the rule does not exist or was used up.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return emulator;
    }
}
