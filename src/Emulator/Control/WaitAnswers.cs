namespace Emulator.Control;

/// <summary>
/// The one shape of the control surface's waits (<c>/requests/wait</c>, <c>/whatsapp/outbox/wait</c>): <c>count</c>
/// (1–10,000, default 1) and <c>timeoutMs</c> (0–<see cref="MaxWaitMs"/>, default 5,000) checked into a 400 problem;
/// the matches when enough arrived, else 408.
/// </summary>
public static class WaitAnswers
{
    /// <summary>The longest wait accepted, in ms.</summary>
    public const int MaxWaitMs = 60_000;

    /// <summary>
    /// Runs <paramref name="wait"/> with the checked count and timeout and turns its result into the answer;
    /// <paramref name="what"/> names the entries in the 408 (e.g. "requests arrived").
    /// </summary>
    public static async Task<IResult> WaitAsync<T>(int? count, int? timeoutMs, string what,
        Func<int, TimeSpan, Task<IReadOnlyList<T>?>> wait)
    {
        var wanted = count ?? 1;
        var timeout = timeoutMs ?? 5_000;
        if (wanted is < 1 or > 10_000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["count"] = ["count must be from 1 to 10000."] });
        }

        if (timeout is < 0 or > MaxWaitMs)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["timeoutMs"] = [$"timeoutMs must be from 0 to {MaxWaitMs}."] });
        }

        return await wait(wanted, TimeSpan.FromMilliseconds(timeout)) is { } found
            ? TypedResults.Ok(found)
            : TypedResults.Problem(statusCode: StatusCodes.Status408RequestTimeout, title: "Not enough matches",
                detail: $"Fewer than {wanted} matching {what} within {timeout} ms.");
    }
}
