using Emulator.Common;
using FluentValidation;

namespace Emulator.Control;

/// <summary>
/// <c>/_emulator/clock</c>: read, pin, advance and release the <see cref="EmulatorClock"/> behind every timestamp.
/// </summary>
public static class ClockEndpoints
{
    /// <summary>The largest advance accepted in one call, in ms (about 100 years).</summary>
    public const long MaxAdvanceMs = 100L * 366 * 24 * 3600 * 1000;

    /// <summary>Maps the clock endpoints on the control surface group.</summary>
    public static RouteGroupBuilder MapClockApi(this RouteGroupBuilder emulator)
    {
        var clock = emulator.MapGroup("/clock").WithTags("Clock");
        clock.MapGet("/", (EmulatorClock c) => TypedResults.Ok(Wire(c)))
            .WithName("GetClock").WithSummary("The emulator's current time and whether it is pinned or shifted")
            .WithDescription("now is in the wire format of createdAt. Journal times are real time, not this clock.");
        clock.MapPut("/", (ClockPin body, EmulatorClock c) =>
            {
                c.Pin(body.Now!.Value);
                return TypedResults.Ok(Wire(c));
            })
            .WithName("PinClock").WithSummary("Stop the clock at an instant")
            .WithDescription("Every timestamp written from now on is taken from this instant until the clock is advanced or released. " +
                "createdAt stays unique and increasing within a customer: chats created while pinned are 1 ms apart.")
            .ProducesValidationProblem();
        clock.MapPost("/advance", IResult (ClockAdvance body, EmulatorClock c) =>
                c.TryAdvance(TimeSpan.FromMilliseconds(body.Ms))
                    ? TypedResults.Ok(Wire(c))
                    : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ms"] = [OutOfRange] }))
            .WithName("AdvanceClock").WithSummary("Move the clock by a number of milliseconds (negative moves it back)")
            .WithDescription("A pinned clock stays pinned at the new instant; a running clock keeps running that much ahead of real time. " +
                "400 when the clock would leave the years 1970 to 9998.")
            .Produces<ClockWire>()
            .ProducesValidationProblem();
        clock.MapDelete("/", (EmulatorClock c) =>
            {
                c.Reset();
                return TypedResults.Ok(Wire(c));
            })
            .WithName("ResetClock").WithSummary("Return to real time")
            .WithDescription("Unpins the clock and drops any offset.");
        return emulator;
    }

    /// <summary>The refusal of an advance that would take the clock out of range.</summary>
    public const string OutOfRange = "ms would move the clock outside the years 1970 to 9998.";

    private static ClockWire Wire(EmulatorClock c) =>
        new(Common.Timestamps.Format(c.GetUtcNow().UtcDateTime), c.Pinned is not null, (long)c.Offset.TotalMilliseconds);
}

/// <summary>The clock's state.</summary>
/// <param name="Now">The emulator's current time, ISO 8601 UTC with milliseconds (the wire format of <c>createdAt</c>).</param>
/// <param name="Pinned">True while the clock is stopped.</param>
/// <param name="OffsetMs">How far a running clock is ahead of real time, in ms (0 while pinned or real).</param>
public sealed record ClockWire(string Now, bool Pinned, long OffsetMs);

/// <summary>Body of <c>PUT /_emulator/clock</c>.</summary>
/// <param name="Now">The instant to stop at, ISO 8601 with an offset or <c>Z</c>, e.g. <c>2024-01-01T00:00:00.000Z</c>.</param>
public sealed record ClockPin(DateTimeOffset? Now);

/// <summary>Body of <c>POST /_emulator/clock/advance</c>.</summary>
/// <param name="Ms">Milliseconds to move the clock by; negative moves it back.</param>
public sealed record ClockAdvance(long Ms);

/// <summary>Checks <see cref="ClockPin"/>: <c>now</c> is required, between years 1970 and 9999.</summary>
public sealed class ClockPinValidator : WireValidator<ClockPin>
{
    /// <summary>Creates the rules.</summary>
    public ClockPinValidator() =>
        RuleFor(b => b.Now).NotNull().WithMessage("now is required: an ISO 8601 instant such as 2024-01-01T00:00:00.000Z.")
            .Must(n => n >= EmulatorClock.Earliest && n < EmulatorClock.Beyond).When(b => b.Now is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage("now must be between 1970 and 9999.");
}

/// <summary>Checks <see cref="ClockAdvance"/>: <c>ms</c> within ±<see cref="ClockEndpoints.MaxAdvanceMs"/>.</summary>
public sealed class ClockAdvanceValidator : WireValidator<ClockAdvance>
{
    /// <summary>Creates the rules.</summary>
    public ClockAdvanceValidator() =>
        RuleFor(b => b.Ms).InclusiveBetween(-ClockEndpoints.MaxAdvanceMs, ClockEndpoints.MaxAdvanceMs)
            .WithMessage($"ms must be between -{ClockEndpoints.MaxAdvanceMs} and {ClockEndpoints.MaxAdvanceMs}.");
}
