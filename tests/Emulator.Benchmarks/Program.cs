using System.Net.Http.Json;
using Emulator;
using Emulator.Benchmarks;

// The benchmark (README, "Performance"): the emulator beside a bare-Kestrel ceiling, same requests, one run.
//   dotnet run -c Release --project tests/Emulator.Benchmarks -- [--chats N] [--seconds S] [--rounds R] [--scale] [--smoke] [--env NAME=VALUE]
var options = BenchmarkOptions.Parse(args);
var folder = Directory.CreateTempSubdirectory("inbox-bench-");
var started = DateTimeOffset.UtcNow;
var runId = Guid.NewGuid().ToString("N")[..8];
var chatsPath = $"/inbox/direct/chats?botId={DevelopmentTenant.BotId}&customerId={DevelopmentTenant.CustomerId}&type=lead&page=";
var emulatorEnv = new Dictionary<string, string>(options.EmulatorEnvironment)
{
    ["ConnectionStrings__Emulator"] = $"Data Source={Path.Combine(folder.FullName, "emulator.db")}",
};
var report = new Report(options, started);

try
{
    // 1. Fill the database through the emulator's fastest path (imports of 1,000 contacts for the development bot).
    await using (var filling = await ServerProcess.StartAsync(options.EmulatorDll, chatsPath + "1", emulatorEnv))
    {
        report.FillSeconds = await Fill.ImportAsync(filling.BaseAddress, 0, options.Chats);
        using var client = new HttpClient();
        using var request = Fill.Get(filling.BaseAddress, chatsPath + "1");
        using var page = await client.SendAsync(request);
        await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "page.json"), await page.Content.ReadAsByteArrayAsync());
    }

    var ceilingEnv = new Dictionary<string, string> { ["CEILING_PAGE"] = Path.Combine(folder.FullName, "page.json") };

    // 2. Cold start, median of 5, each on the filled file.
    report.ColdStartMs["emulator"] = await Fill.MedianColdStartAsync(options.EmulatorDll, chatsPath + "1", emulatorEnv, options.ColdStarts);
    report.ColdStartMs["ceiling"] = await Fill.MedianColdStartAsync("Emulator.Benchmarks.Ceiling.dll", chatsPath + "1", ceilingEnv, options.ColdStarts);

    // 3. Load: both servers up, each scenario warmed up, then measured on each server, alternating who goes first.
    await using var emulator = await ServerProcess.StartAsync(options.EmulatorDll, chatsPath + "1", emulatorEnv);
    await using var ceiling = await ServerProcess.StartAsync("Emulator.Benchmarks.Ceiling.dll", chatsPath + "1", ceilingEnv);
    report.IdleRssMiB["emulator"] = emulator.RssMiB;
    report.IdleRssMiB["ceiling"] = ceiling.RssMiB;
    foreach (var scenario in Scenarios.All(chatsPath, options.Chats).Where(s => options.Only is null || s.Name.Contains(options.Only)))
    {
        // Memory per scenario: resident size before it, and its peak over warm-up and rounds.
        var idle = new Dictionary<string, double> { ["emulator"] = emulator.RssMiB, ["ceiling"] = ceiling.RssMiB };
        emulator.ResetPeak();
        ceiling.ResetPeak();
        foreach (var server in new[] { emulator, ceiling })
        {
            await Wrk.RunAsync(server.BaseAddress, scenario, options.Warmup, runId + "w");
        }

        for (var round = 0; round < options.Rounds; round++)
        {
            var order = round % 2 == 0 ? new[] { ("emulator", emulator), ("ceiling", ceiling) } : [("ceiling", ceiling), ("emulator", emulator)];
            foreach (var (name, server) in order)
            {
                var result = await Wrk.RunAsync(server.BaseAddress, scenario, options.Duration, $"{runId}{round}");
                report.Add(scenario.Name, name, result);
                Console.WriteLine($"{scenario.Name,-26} {name,-9} {result.RequestsPerSecond,10:F0} req/s  p50 {result.P50Ms,7:F2} ms  p99 {result.P99Ms,8:F2} ms  errors {result.Errors}");
            }
        }

        report.AddMemory(scenario.Name, idle, new() { ["emulator"] = emulator.PeakSinceResetMiB, ["ceiling"] = ceiling.PeakSinceResetMiB });
    }

    // 3b. The inspector's pages over the same data, one request at a time, and the live journal's delay.
    if (options.Only is null || "inspector".Contains(options.Only, StringComparison.Ordinal))
    {
        (report.InspectorPages, report.InspectorLive) = await InspectorTimings.RunAsync(emulator.BaseAddress, options.Chats, options.Smoke ? 10 : 100);
    }

    report.PeakRssMiB["emulator"] = emulator.PeakRssMiB;
    report.PeakRssMiB["ceiling"] = ceiling.PeakRssMiB;

    // 4. Growth: chats page 1 and the contact searches at N, then at 1,000,000 chats.
    string? scaleProblem = null;
    if (options.Scale)
    {
        report.Growth[options.Chats] = await Scenarios.LatenciesAsync(emulator.BaseAddress, chatsPath, options, runId);
        // Past the imported chats, the rest are written straight into the file (Generate: importing takes ~30 minutes).
        var seconds = await Generate.ContactsAsync(Path.Combine(folder.FullName, "emulator.db"), options.Chats, 1_000_000 - options.Chats);
        Console.WriteLine($"filled to 1,000,000 in {seconds:F0} s");
        report.GenerateSeconds = seconds;
        try
        {
            await Generate.CheckAsync(emulator.BaseAddress, chatsPath, 999_999);
            await Generate.CheckAsync(emulator.BaseAddress, null, 999_990);
        }
        catch (InvalidOperationException e)
        {
            // Reported after the results, which are written anyway; the run then fails.
            scaleProblem = e.Message;
        }

        report.Growth[1_000_000] = await Scenarios.LatenciesAsync(emulator.BaseAddress, chatsPath, options, runId);
    }

    report.Write();
    if (scaleProblem is not null)
    {
        Console.Error.WriteLine(scaleProblem);
        Environment.ExitCode = 1;
    }
}
finally
{
    folder.Delete(recursive: true);
}
