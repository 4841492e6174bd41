using System.Diagnostics;
using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Core;

/// <summary>What a user meets when starting the emulator as a process (and so in its image): the banner, the health
/// probe, the message for an unwritable database folder, Swagger UI's server address.</summary>
public sealed class StartupExperienceTests
{
    [Fact]
    public async Task Once_ready_it_prints_one_banner_with_its_address_swagger_ui_database_tenant_and_admin_key()
    {
        await WithFolderAsync(async folder =>
        {
            var database = Path.Combine(folder, "banner.db");
            await using var emulator = await EmulatorProcess.StartAsync(folder, new Dictionary<string, string> { ["ConnectionStrings__Emulator"] = $"Data Source={database}" });
            var baseUrl = emulator.BaseAddress.ToString().TrimEnd('/');
            var lines = await WaitForLineAsync(emulator, "Admin key:");

            var banner = string.Join('\n', lines.SkipWhile(l => !l.Contains("Inbox Emulator is ready.", StringComparison.Ordinal)));
            Assert.Contains($"Inbox API:          {baseUrl}", banner);
            Assert.Contains($"Swagger UI:         {baseUrl}/swagger", banner);
            Assert.Contains($"Inspector:          {baseUrl}/_emulator/ui", banner);
            Assert.Contains($"Database:           {database}", banner);
            Assert.Contains("Development tenant: on", banner);
            Assert.Contains("Admin key:          off", banner);
            Assert.Single(lines, l => l.Contains("Inbox Emulator is ready.", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task A_database_folder_it_cannot_write_ends_the_start_with_the_folder_the_user_and_both_fixes()
    {
        await WithFolderAsync(async folder =>
        {
            // A file where the folder should be: the same failure as a host folder the image's user cannot write (the
            // tests run as root, whom permissions do not stop).
            var blocked = Path.Combine(folder, "data");
            await File.WriteAllTextAsync(blocked, "");
            var (exitCode, output) = await EmulatorProcess.RunToExitAsync(folder, new Dictionary<string, string>
            {
                ["ConnectionStrings__Emulator"] = $"Data Source={Path.Combine(blocked, "emulator.db")}",
            });

            var text = string.Join('\n', output);
            Assert.True(exitCode == 78, $"exit code {exitCode}:\n{text}");
            Assert.Contains($"The database folder '{blocked}' is not writable by this process (user id ", text);
            Assert.Contains($"-v inbox-data:{blocked}", text);
            Assert.Contains("sudo chown -R ", text);
            Assert.DoesNotContain(output, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal) || line.Contains("Unhandled exception"));
        });
    }

    [Fact]
    public async Task The_health_probe_finds_the_server_through_ASPNETCORE_URLS_which_wins_over_the_ports_setting()
    {
        await WithFolderAsync(async folder =>
        {
            await using var emulator = await EmulatorProcess.StartAsync(folder, new Dictionary<string, string>
            {
                ["ConnectionStrings__Emulator"] = $"Data Source={Path.Combine(folder, "probe.db")}",
            });

            var healthy = await ProbeAsync(new() { ["ASPNETCORE_URLS"] = $"http://+:{emulator.BaseAddress.Port}", ["ASPNETCORE_HTTP_PORTS"] = "1" });
            Assert.True(healthy.ExitCode == 0, healthy.Output);
            var elsewhere = await ProbeAsync(new() { ["ASPNETCORE_URLS"] = "http://+:1", ["ASPNETCORE_HTTP_PORTS"] = $"{emulator.BaseAddress.Port}" });
            Assert.True(elsewhere.ExitCode == 1, elsewhere.Output);
        });
    }

    [Fact]
    public async Task Swagger_uis_document_lists_the_address_it_was_loaded_from_first()
    {
        await WithFolderAsync(async folder =>
        {
            await using var emulator = await EmulatorProcess.StartAsync(folder, new Dictionary<string, string>
            {
                ["ConnectionStrings__Emulator"] = $"Data Source={Path.Combine(folder, "swagger.db")}",
            });
            using var client = emulator.CreateClient();
            foreach (var document in new[] { "inbox", "emulator" })
            {
                var servers = JsonNode.Parse(await client.GetStringAsync($"/swagger/{document}/swagger.json"))!["servers"]!.AsArray()
                    .Select(s => s!["url"]!.GetValue<string>()).ToList();
                Assert.Equal(emulator.BaseAddress.ToString().TrimEnd('/'), servers[0]);
                Assert.Contains("http://localhost:8080", servers);
                Assert.Equal(servers.Count, servers.Distinct().Count());
            }
        });
    }

    private static async Task<(int ExitCode, string Output)> ProbeAsync(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Emulator.dll"));
        start.ArgumentList.Add("health-probe");
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, await output + await error);
    }

    private static async Task<IReadOnlyList<string>> WaitForLineAsync(EmulatorProcess emulator, string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!emulator.Output.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            await Task.Delay(20, timeout.Token);
        }

        return emulator.Output.ToList();
    }

    private static async Task WithFolderAsync(Func<string, Task> test)
    {
        var folder = Directory.CreateTempSubdirectory("inbox-emulator-start-");
        try
        {
            await test(folder.FullName);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
