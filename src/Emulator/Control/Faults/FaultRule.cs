using Emulator.Common;
using FluentValidation;

namespace Emulator.Faults;

/// <summary>
/// Body of <c>POST /_emulator/faults</c>: which requests of the emulated surface a rule matches (every given member,
/// combined with AND) and what it does to them: answer <see cref="Status"/> in the platform's envelope, wait
/// <see cref="DelayMs"/> first (alone: a slow but normal answer), or drop the connection without an answer.
/// </summary>
/// <param name="Method">Only this HTTP method (any case).</param>
/// <param name="Path">Only this path; <c>*</c> matches any run of characters (<c>/inbox/*</c>).</param>
/// <param name="CustomerId">Only requests whose token belongs to this tenant.</param>
/// <param name="Status">Answer this status (400–599) with the platform's error envelope.</param>
/// <param name="Message">The envelope's message line; defaults to the status's usual summary.</param>
/// <param name="DelayMs">Wait this long first, in ms (0–60,000).</param>
/// <param name="Drop">Close the connection without answering.</param>
/// <param name="RetryAfterSeconds">Add <c>Retry-After</c> with this many seconds to a <see cref="Status"/> answer.</param>
/// <param name="Probability">Apply to a matching request with this probability (0–1]; default 1.</param>
/// <param name="Seed">Seed of the rule's random draws, so that a probability gives the same sequence on every run.</param>
/// <param name="Times">Apply to the next this-many matching requests only, then remove the rule; default unlimited.</param>
public sealed record FaultRequest(
    string? Method,
    string? Path,
    string? CustomerId,
    int? Status,
    string? Message,
    int? DelayMs,
    bool? Drop,
    int? RetryAfterSeconds,
    double? Probability,
    int? Seed,
    int? Times);

/// <summary>A fault rule as stored and listed.</summary>
/// <param name="Id">The rule's id (<c>f1</c>, <c>f2</c>, …), as journal entries name it.</param>
/// <param name="Rule">What it matches and does.</param>
/// <param name="Applied">How many requests it has shaped so far.</param>
/// <param name="Remaining">How many more it will shape, when limited by <see cref="FaultRequest.Times"/>.</param>
public sealed record FaultWire(string Id, FaultRequest Rule, int Applied, int? Remaining);

/// <summary>Checks <see cref="FaultRequest"/>: exactly one effect (a status, a drop, or a delay alone) within range.</summary>
public sealed class FaultRequestValidator : WireValidator<FaultRequest>
{
    /// <summary>The longest delay accepted, in ms.</summary>
    public const int MaxDelayMs = 60_000;

    /// <summary>Creates the rules.</summary>
    public FaultRequestValidator()
    {
        RuleFor(f => f).Must(f => f.Status is not null || f.Drop == true || f.DelayMs is not null)
            .WithName("status").OverridePropertyName("status")
            .WithMessage("Give an effect: status, drop: true, or delayMs.");
        RuleFor(f => f.Drop).Must(d => d != true).When(f => f.Status is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage("drop closes the connection without an answer: give either status or drop, not both.");
        RuleFor(f => f.Status).InclusiveBetween(400, 599).WithMessage("status must be from 400 to 599.");
        RuleFor(f => f.DelayMs).InclusiveBetween(0, MaxDelayMs).WithMessage($"delayMs must be from 0 to {MaxDelayMs}.");
        RuleFor(f => f.RetryAfterSeconds).InclusiveBetween(0, 86_400).WithMessage("retryAfterSeconds must be from 0 to 86400.");
        RuleFor(f => f.RetryAfterSeconds).Null().When(f => f.Status is null, ApplyConditionTo.CurrentValidator)
            .WithMessage("retryAfterSeconds goes with a status.");
        RuleFor(f => f.Probability).Must(p => p is > 0 and <= 1).When(f => f.Probability is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage("probability must be greater than 0 and at most 1.");
        RuleFor(f => f.Times).GreaterThanOrEqualTo(1).WithMessage("times must be at least 1.");
        RuleFor(f => f.Message).MaximumLength(500).WithMessage("message must be at most 500 characters.");
    }
}
