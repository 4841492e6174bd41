using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Regressions;

/// <summary>A start the settings or data make impossible ends with one clear message and exit code 78, no stack trace.</summary>
public sealed class StartupFailureTests
{
    public static TheoryData<string, string, string> BadSettings() => new()
    {
        { "Emulator__Tenants__0__Token", "same", "Emulator:Tenants:1:Token is the same as Emulator:Tenants:0:Token" },
        { "Emulator__Tenants__0__WhatsAppApiKey", Emulator.DevelopmentTenant.WhatsAppApiKey, "Emulator:Tenants:0:WhatsAppApiKey is the development tenant's" },
        { "Emulator__SeedFile", "/no/such/seed.json", "Emulator:SeedFile '/no/such/seed.json' does not exist." },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_start_with_invalid_settings_prints_the_problem_alone_and_exits_78(string key, string value, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("inbox-emulator-bad-start-");
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["ConnectionStrings__Emulator"] = $"Data Source={Path.Combine(folder.FullName, "e.db")}",
                ["Emulator__Tenants__0__Token"] = "first",
                ["Emulator__Tenants__0__CustomerId"] = "aaaaaaaaaaaaaaaaaaaaaaaa",
                ["Emulator__Tenants__0__WhatsAppBotId"] = "aaaaaaaaaaaaaaaaaaaaaaab",
                ["Emulator__Tenants__1__Token"] = "same",
                ["Emulator__Tenants__1__CustomerId"] = "aaaaaaaaaaaaaaaaaaaaaaac",
            };
            environment[key] = value;
            var (exitCode, output) = await EmulatorProcess.RunToExitAsync(folder.FullName, environment);

            Assert.True(exitCode == 78, $"exit code {exitCode}:\n{string.Join('\n', output)}");
            Assert.Contains(output, line => line.Contains(expected, StringComparison.Ordinal));
            Assert.DoesNotContain(output, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal) || line.Contains("Unhandled exception"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_seed_file_that_does_not_load_prints_why_alone_and_exits_78()
    {
        var folder = Directory.CreateTempSubdirectory("inbox-emulator-bad-seed-");
        try
        {
            var seed = Path.Combine(folder.FullName, "seed.json");
            await File.WriteAllTextAsync(seed, """{"chats": [{"customerId": "aaaaaaaaaaaaaaaaaaaaaaaa", "email": "not-an-email"}]}""");
            var (exitCode, output) = await EmulatorProcess.RunToExitAsync(folder.FullName, new Dictionary<string, string>
            {
                ["ConnectionStrings__Emulator"] = $"Data Source={Path.Combine(folder.FullName, "e.db")}",
                ["Emulator__SeedFile"] = seed,
            });

            Assert.True(exitCode == 78, $"exit code {exitCode}:\n{string.Join('\n', output)}");
            Assert.Contains(output, line => line.Contains($"Emulator:SeedFile '{seed}' was not loaded", StringComparison.Ordinal));
            Assert.Contains(output, line => line.Contains("chats[0].email", StringComparison.Ordinal));
            Assert.DoesNotContain(output, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal) || line.Contains("Unhandled exception"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
