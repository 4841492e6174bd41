using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Emulator.Benchmarks;

/// <summary>One load scenario: a request shape wrk repeats, for both servers.</summary>
/// <param name="Name">Shown in the table.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path and query.</param>
/// <param name="Headers">Request headers.</param>
/// <param name="BodyLua">A Lua expression giving the body of each request (it may use <c>n</c>, the request number), or null.</param>
public sealed record Scenario(string Name, string Method, string Path, IReadOnlyDictionary<string, string> Headers, string? BodyLua);

/// <summary>What one wrk run measured.</summary>
/// <param name="RequestsPerSecond">Requests per second.</param>
/// <param name="P50Ms">Median latency, ms.</param>
/// <param name="P99Ms">99th percentile latency, ms.</param>
/// <param name="Errors">Socket errors, timeouts and non-2xx answers.</param>
public sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Errors);

/// <summary>Runs wrk (the Debian package) against 127.0.0.1 only, and reads its report.</summary>
public static partial class Wrk
{
    /// <summary>Runs <paramref name="scenario"/> against <paramref name="server"/> for <paramref name="duration"/> with 32 connections.</summary>
    public static async Task<LoadResult> RunAsync(Uri server, Scenario scenario, TimeSpan duration, string runId)
    {
        if (server.Host != "127.0.0.1")
        {
            throw new InvalidOperationException("The benchmark loads 127.0.0.1 only.");
        }

        var script = Path.Combine(Path.GetTempPath(), $"inbox-bench-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, Lua(scenario, runId));
        try
        {
            var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "-t1", "-c32", $"-d{Math.Max(1, (int)duration.TotalSeconds)}s", "--latency", "-s", script, new Uri(server, scenario.Path).ToString() })
            {
                start.ArgumentList.Add(argument);
            }

            using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start: install it with 'apt-get install wrk'.");
            var output = await wrk.StandardOutput.ReadToEndAsync();
            await wrk.WaitForExitAsync();
            return Parse(output);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static string Lua(Scenario scenario, string runId)
    {
        var headers = string.Join(", ", scenario.Headers.Select(h => $"[\"{h.Key}\"] = \"{h.Value}\""));
        var body = scenario.BodyLua ?? "nil";
        return $$"""
            local n = 0
            local run = "{{runId}}"
            local headers = { {{headers}} }
            request = function()
              n = n + 1
              return wrk.format("{{scenario.Method}}", nil, headers, {{body}})
            end
            """;
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex Rate();

    [GeneratedRegex(@"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline)]
    private static partial Regex Percentile();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();

    private static LoadResult Parse(string output)
    {
        double Ms(Match m) => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) * m.Groups[3].Value switch
        {
            "us" => 0.001,
            "s" => 1000,
            _ => 1,
        };

        var percentiles = Percentile().Matches(output).ToDictionary(m => m.Groups[1].Value, Ms);
        var errors = Non2xx().Match(output) is { Success: true } non2xx ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        if (SocketErrors().Match(output) is { Success: true } socket)
        {
            errors += Enumerable.Range(1, 4).Sum(i => long.Parse(socket.Groups[i].Value, CultureInfo.InvariantCulture));
        }

        var rate = Rate().Match(output);
        if (!rate.Success)
        {
            throw new InvalidOperationException("Unreadable wrk report:\n" + output);
        }

        return new LoadResult(double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            percentiles.GetValueOrDefault("50"), percentiles.GetValueOrDefault("99"), errors);
    }
}
