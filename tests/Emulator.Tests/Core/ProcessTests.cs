using System.Net;
using System.Net.Http.Json;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Core;

/// <summary>The emulator run as its own process, the way users start it.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task Started_from_another_folder_it_reads_its_own_appsettings()
    {
        var folder = Directory.CreateTempSubdirectory("inbox-emulator-cwd-");
        try
        {
            await using var emulator = await EmulatorProcess.StartAsync(folder.FullName, new Dictionary<string, string>
            {
                ["ConnectionStrings__Emulator"] = $"Data Source={Path.Combine(folder.FullName, "e.db")}",
            });
            using var client = emulator.CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Put, "/inbox/direct/lead")
            {
                Content = JsonContent.Create(InboxClient.Lead("from-elsewhere", new { name = "Ann" })),
            };
            request.Headers.Add("x-bp-token", EmulatorFactory.DevToken);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);

            // appsettings.json keeps EF Core's SQL at Warning; without it every statement is logged at Information.
            Assert.DoesNotContain(emulator.Output, line => line.Contains("Executed DbCommand"));
            Assert.Contains(emulator.Output, line => line.Contains(AppContext.BaseDirectory.TrimEnd('/')));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Migrate_creates_the_database_file_and_exits_and_a_start_on_that_file_stores_leads()
    {
        var folder = Directory.CreateTempSubdirectory("inbox-emulator-migrate-");
        try
        {
            var file = Path.Combine(folder.FullName, "data", "emulator.db");
            var settings = new Dictionary<string, string> { ["ConnectionStrings__Emulator"] = $"Data Source={file}" };
            var (exitCode, output) = await EmulatorProcess.RunToExitAsync(folder.FullName, settings, "migrate");

            Assert.True(exitCode == 0, $"exit code {exitCode}:\n{string.Join('\n', output)}");
            Assert.True(File.Exists(file));

            // The image ships this file: it must be whole without its write-ahead log.
            Assert.False(File.Exists(file + "-wal"), "the write-ahead log was left beside the file");
            Assert.False(File.Exists(file + "-shm"), "the shared-memory file was left beside the file");

            await using var emulator = await EmulatorProcess.StartAsync(folder.FullName, settings);
            using var client = emulator.CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Put, "/inbox/direct/lead")
            {
                Content = JsonContent.Create(InboxClient.Lead("after-migrate", new { name = "Ann" })),
            };
            request.Headers.Add("x-bp-token", EmulatorFactory.DevToken);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
