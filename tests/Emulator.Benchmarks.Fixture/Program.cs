// The cost of InboxEmulator.StartAsync and of a fresh tenant, as an integrator's test suite pays them.
//   dotnet run -c Release --project tests/Emulator.Benchmarks.Fixture -- [--instances N] [--tenants N]
// Prints the median and 90th percentile of: a fresh instance, start to its first answered request (after the first
// instance of the process, which also migrates the template database), and a fresh tenant on a running instance.
using System.Diagnostics;
using Emulator.Testing;

var instances = Option("--instances", 30);
var tenants = Option("--tenants", 300);

var first = Stopwatch.StartNew();
await using (var warm = await InboxEmulator.StartAsync())
{
    (await warm.Client.GetAsync("_emulator/ready")).EnsureSuccessStatusCode();
}

Console.WriteLine($"first instance in the process (migrates the template): {first.Elapsed.TotalMilliseconds:F0} ms");

var starts = new List<double>();
for (var i = 0; i < instances; i++)
{
    var watch = Stopwatch.StartNew();
    await using var emulator = await InboxEmulator.StartAsync();
    using var client = emulator.CreateClient();
    (await client.GetAsync("inbox/segments")).EnsureSuccessStatusCode();
    starts.Add(watch.Elapsed.TotalMilliseconds);
}

var created = new List<double>();
await using (var shared = await InboxEmulator.StartAsync())
{
    for (var i = 0; i < tenants; i++)
    {
        var watch = Stopwatch.StartNew();
        await shared.CreateTenantAsync();
        created.Add(watch.Elapsed.TotalMilliseconds);
    }
}

Report($"fresh instance, start to first answered request ({instances} runs)", starts);
Report($"fresh tenant on a running instance ({tenants} runs)", created);

void Report(string what, List<double> samples)
{
    samples.Sort();
    Console.WriteLine($"{what}: median {samples[samples.Count / 2]:F1} ms, p90 {samples[(int)(samples.Count * 0.9)]:F1} ms");
}

int Option(string name, int fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
