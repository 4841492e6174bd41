using System.Net;
using System.Text.Json.Nodes;
using Emulator.Data;
using Emulator.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Emulator.Tests.Core;

public sealed class HealthAndPersistenceTests
{
    [Fact]
    public async Task Health_answers_200_with_status_version_and_uptime_once_the_database_is_reachable()
    {
        await using var emulator = new EmulatorFactory();
        var response = await emulator.CreateClient().GetAsync("/_emulator/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(["status", "version", "uptimeSeconds"], body.Select(p => p.Key));
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        Assert.Matches(@"^\d+\.\d+\.\d+", body["version"]!.GetValue<string>());
        Assert.True(body["uptimeSeconds"]!.GetValue<long>() >= 0);
    }

    [Fact]
    public async Task Data_written_before_a_restart_is_there_after_it()
    {
        var path = EmulatorFactory.NewDatabasePath();
        try
        {
            await using (var first = new EmulatorFactory(databasePath: path))
            {
                await first.Inbox().PutLeadAsync(InboxClient.Lead("restart-1", new { name = "Before restart", tags = new[] { "kept" } }))
                    .ContinueWith(t => t.Result.ExpectOk());
            }

            SqliteConnection.ClearAllPools();
            await using var second = new EmulatorFactory(databasePath: path);
            var chat = (await second.Inbox().ListChatsAsync()).ExpectOk().Data.Single()!;
            Assert.Equal("restart-1", chat["uuid"]!.GetValue<string>());
            Assert.Equal("Before restart", chat["profile"]!["userDetails"]!["name"]!.GetValue<string>());
            Assert.Equal("kept", chat["profile"]!["userDetails"]!["tags"]![0]!.GetValue<string>());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    [Fact]
    public async Task The_database_file_is_created_by_migrations_in_WAL_mode()
    {
        await using var emulator = new EmulatorFactory();
        _ = emulator.CreateClient();

        await using var connection = new SqliteConnection($"Data Source={emulator.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "SELECT COUNT(*) FROM __EFMigrationsHistory;";
        Assert.True((long)(await command.ExecuteScalarAsync())! >= 1);
    }

    [Fact]
    public async Task The_migrations_match_the_model()
    {
        await using var emulator = new EmulatorFactory();
        await using var scope = emulator.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(), "Run 'dotnet ef migrations add' (see README, Contributing).");
    }
}
