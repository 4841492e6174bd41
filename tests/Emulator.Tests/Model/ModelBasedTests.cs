using CsCheck;
using Xunit.Abstractions;

namespace Emulator.Tests.Model;

/// <summary>
/// Random sequences of calls over every public way to change or read a chat, each step checked against the reference
/// model (README, "Reliability"). A failure prints CsCheck's seed and the shortest failing sequence found, then that
/// sequence shrunk further by removing every step the failure does not need; <c>MODEL_SEED=&lt;seed&gt;</c> replays it,
/// <c>MODEL_SEQUENCES=&lt;n&gt;</c> runs more sequences.
/// </summary>
[Trait("Category", "Model")]
public sealed class ModelBasedTests(ITestOutputHelper output)
{
    /// <summary>About a minute on a 2-core machine.</summary>
    private const int DefaultSequences = 180;

    [Fact]
    public async Task Every_sequence_of_calls_leaves_what_the_reference_model_predicts()
    {
        var seed = Environment.GetEnvironmentVariable("MODEL_SEED");
        var sequences = int.TryParse(Environment.GetEnvironmentVariable("MODEL_SEQUENCES"), out var n) ? n : DefaultSequences;
        var smallest = new SmallestFailure();
        try
        {
            await OpGen.Sequence.SampleAsync(ops => smallest.Watch(ops, RunAsync(ops)), output.WriteLine,
                seed: string.IsNullOrEmpty(seed) ? null : seed, iter: string.IsNullOrEmpty(seed) ? sequences : 1, print: Print);
        }
        catch (CsCheckException found) when (smallest.Operations is { } failing)
        {
            var (minimal, failure) = await ShrinkAsync(failing);
            throw new ModelMismatchException($"{found.Message}\n\nShrunk to {minimal.Length} steps:{Print(minimal)}\n\n{failure.Message}");
        }
    }

    /// <summary>Runs one sequence on an emulator of its own; throws at the first step the model does not predict.</summary>
    internal static async Task RunAsync(Op[] operations)
    {
        await using var driver = await ModelDriver.StartAsync();
        for (var i = 0; i < operations.Length; i++)
        {
            var step = $"step {i + 1} ({operations[i]})";
            try
            {
                await operations[i].RunAsync(driver);
                await driver.CheckStoredAsync(step);
                driver.CheckLog(step);
            }
            catch (Exception failure) when (failure is not StepFailure)
            {
                throw new StepFailure(i, $"{step}: {failure.Message}", failure);
            }
        }
    }

    internal static string Print(Op[] operations) =>
        "\n" + string.Join("\n", operations.Select((o, i) => $"  {i + 1,2}. {o}"));

    // Drops the steps after the failing one, then each step whose removal keeps a failure at the same kind of step.
    private static async Task<(Op[] Operations, StepFailure Failure)> ShrinkAsync(Op[] failing)
    {
        var failure = await FailureOf(failing) ?? throw new InvalidOperationException("The failing sequence passed when run again.");
        var ops = failing[..(failure.Step + 1)];
        for (var i = ops.Length - 2; i >= 0; i--)
        {
            var candidate = ops.Where((_, at) => at != i).ToArray();
            if (await FailureOf(candidate) is { } again && candidate[again.Step].GetType() == ops[failure.Step].GetType())
            {
                (ops, failure) = (candidate[..(again.Step + 1)], again);
                i = Math.Min(i, ops.Length - 1);
            }
        }

        return (ops, failure);
    }

    private static async Task<StepFailure?> FailureOf(Op[] operations)
    {
        try
        {
            await RunAsync(operations);
            return null;
        }
        catch (StepFailure failure)
        {
            return failure;
        }
    }

    /// <summary>The step a sequence failed at.</summary>
    private sealed class StepFailure(int step, string message, Exception inner) : Exception(message, inner)
    {
        public int Step { get; } = step;
    }

    /// <summary>Keeps the shortest sequence that failed (CsCheck reports its print, not the sequence itself).</summary>
    private sealed class SmallestFailure
    {
        public Op[]? Operations { get; private set; }

        public async Task Watch(Op[] operations, Task run)
        {
            try
            {
                await run;
            }
            catch
            {
                lock (this)
                {
                    if (Operations is null || operations.Length < Operations.Length)
                    {
                        Operations = operations;
                    }
                }

                throw;
            }
        }
    }
}
