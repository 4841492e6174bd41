using System.Net;
using System.Text.Json.Nodes;
using Emulator.Data;
using Emulator.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Emulator.Tests.Core;

public sealed class HealthAndPersistenceTests
{
    [Fact]
    public async Task Health_answers_200_with_status_version_and_uptime_once_the_database_is_reachable()
    {
        var clock = new FakeTimeProvider();
        await using var emulator = new EmulatorFactory(clock: clock);
        var client = emulator.CreateClient();
        clock.Advance(TimeSpan.FromSeconds(90.5));
        var response = await client.GetAsync("/_emulator/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(["status", "version", "uptimeSeconds"], body.Select(p => p.Key));
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        Assert.Matches(@"^\d+\.\d+\.\d+", body["version"]!.GetValue<string>());
        Assert.Equal(90, body["uptimeSeconds"]!.GetValue<long>());
    }

    [Fact]
    public async Task Data_written_before_a_restart_is_there_after_it()
    {
        var path = EmulatorFactory.NewDatabasePath();
        try
        {
            await using (var first = new EmulatorFactory(databasePath: path))
            {
                (await first.Inbox().PutLeadAsync(InboxClient.Lead("restart-1", new { name = "Before restart", tags = new[] { "kept" } })))
                    .ExpectOk();
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
        await using var emulator = new EmulatorFactory(fresh: true);
        _ = emulator.CreateClient();

        await using var connection = new SqliteConnection($"Data Source={emulator.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "SELECT COUNT(*) FROM __EFMigrationsHistory;";
        await using (var scope = emulator.Services.CreateAsyncScope())
        {
            var migrations = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>().Database.GetMigrations().Count();
            Assert.Equal(migrations, (long)(await command.ExecuteScalarAsync())!);
        }

        // The search index's triggers survive every migration (a table rebuild would drop them).
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name;";
        var triggers = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                triggers.Add(reader.GetString(0));
            }
        }

        Assert.Equal(SearchIndexSql.Triggers.Order(), triggers);
    }

    [Fact]
    public async Task The_migrations_match_the_model()
    {
        await using var emulator = new EmulatorFactory();
        await using var scope = emulator.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(), "Run 'dotnet ef migrations add' (see README, Contributing).");
    }

    [Fact]
    public async Task The_compiled_model_in_use_matches_the_model_the_configuration_builds()
    {
        await using var emulator = new EmulatorFactory();
        await using var scope = emulator.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
        Assert.IsType<Emulator.Data.CompiledModel.EmulatorDbContextModel>(db.Model);

        // The design-time model is built from OnModelCreating and the configurations, as it was before the model was compiled.
        var built = db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model;
        var compiled = Shape(db.Model);
        var expected = Shape(built);
        Assert.True(compiled.SequenceEqual(expected), "Run 'dotnet ef dbcontext optimize' (see README, Contributing). Missing: "
            + string.Join(", ", expected.Except(compiled)) + "; extra: " + string.Join(", ", compiled.Except(expected)));
    }

    // What the compiled model must agree on (a read-optimized model cannot be diffed): tables, columns, indexes and keys,
    // and each property's type and value converter.
    private static List<string> Shape(Microsoft.EntityFrameworkCore.Metadata.IModel model) =>
    [
        .. model.GetRelationalModel().Tables.OrderBy(t => t.Name).SelectMany(t => t.Columns.OrderBy(c => c.Name)
            .Select(c => $"{t.Name}.{c.Name} {c.StoreType} {(c.IsNullable ? "null" : "not null")}")
            .Concat(t.Indexes.OrderBy(i => i.Name).Select(i => $"{t.Name} index {i.Name} ({string.Join(",", i.Columns.Select(c => c.Name))}) {i.IsUnique}"))
            .Concat(t.UniqueConstraints.OrderBy(k => k.Name).Select(k => $"{t.Name} key {k.Name} ({string.Join(",", k.Columns.Select(c => c.Name))})"))
            .Concat(t.ForeignKeyConstraints.OrderBy(k => k.Name).Select(k => $"{t.Name} foreign key {k.Name} -> {k.PrincipalTable.Name} {k.OnDeleteAction}"))),
        .. model.GetEntityTypes().OrderBy(e => e.Name).SelectMany(e => e.GetProperties()
            .Select(p => $"{e.Name}.{p.Name} {p.ClrType.Name} {p.ValueGenerated} {p.GetValueConverter()?.GetType().FullName}")
            .Concat(e.GetNavigations().Select(n => $"{e.Name} navigation {n.Name} -> {n.TargetEntityType.Name}"))),
    ];

    [Fact]
    public async Task A_database_made_by_the_first_release_is_upgraded_in_place_and_keeps_its_data()
    {
        var path = EmulatorFactory.NewDatabasePath();
        var options = new DbContextOptionsBuilder<EmulatorDbContext>().UseSqlite($"Data Source={path}").Options;
        await using (var old = new EmulatorDbContext(options))
        {
            await old.GetService<IMigrator>().MigrateAsync("InitialCreate");
            await old.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO Chats (Id, CustomerId, BotId, Uuid, Channel, Email, Status, IsLead, IsContact, IsOnline, UserInteracted,
                    IsLiveChatActive, HasOrdered, IsImported, IsSubscriber, IsPaid, CreatedAt, UpdatedAt, WebsiteVisits,
                    UnreadMessages, SearchText, Tags, Segments, Attributes, Notes)
                VALUES ('0123456789abcdef01234567', {0}, {1}, 'old-uuid', 'WEBSITE', 'old@example.com', 'OPEN', 1, 1, 0, 1,
                    0, 0, 0, 0, 0, 1700000000000, 1700000000000, 1, 0, 'old@example.com', '[]', '[]', '[]', '[]')
                """, EmulatorFactory.DevCustomerId, EmulatorFactory.DevBotId);
        }

        SqliteConnection.ClearAllPools();
        await using (var upgraded = new EmulatorFactory(databasePath: path))
        {
            var chat = (await upgraded.Inbox().ListChatsAsync()).ExpectOk().Data.Single()!;
            Assert.Equal("old-uuid", chat["uuid"]!.GetValue<string>());
            Assert.Equal("2023-11-14T22:13:20.000Z", chat["createdAt"]!.GetValue<string>());

            // The upgraded file takes the newer columns: unset, they are left out of the answer.
            var contact = (await upgraded.Inbox().SearchAsync(new { })).ExpectOk().Data.Single()!;
            Assert.False(contact["profile"]!["userDetails"]!.AsObject().ContainsKey("telegramUserName"));

            // Chats written before the search index existed are in it.
            Assert.Single((await upgraded.Inbox().SearchAsync(new { searchText = "old@example" })).ExpectOk().Data);
        }

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }

    [Fact]
    public async Task A_fresh_start_migrates_without_a_single_warning_and_no_migration_rebuilds_a_table()
    {
        await using var emulator = new EmulatorFactory(captureLogs: true, fresh: true);
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("u", new { email = "Ann@Example.com" }))).ExpectOk();

        var lines = emulator.Logs!.Lines;
        Assert.DoesNotContain(lines, l => l.Contains(" Warning ") || l.Contains(" Error ") || l.Contains(" Critical "));
        Assert.DoesNotContain(lines, l => l.Contains("PRAGMA foreign_keys") || l.Contains("ef_temp_"));

        // The email index carries the collation, so an import finds the lead whatever the letter case.
        (await emulator.Inbox().ImportAsync(new[] { InboxClient.ImportItem("Ann", email: "ann@EXAMPLE.com") })).ExpectOk();
        Assert.Single(await emulator.Inbox().AllContactsAsync());
    }

    [Fact]
    public async Task Health_answers_503_Unhealthy_once_the_database_cannot_be_opened()
    {
        var path = EmulatorFactory.NewDatabasePath();
        await using (var first = new EmulatorFactory(databasePath: path))
        {
            _ = first.CreateClient(); // creates and migrates the file
        }

        SqliteConnection.ClearAllPools();
        await using var emulator = new EmulatorFactory(new Dictionary<string, string?>
        {
            // Without pooling every check opens the file anew; ReadWrite (no Create) fails once the file is gone.
            ["ConnectionStrings:Emulator"] = $"Data Source={path};Mode=ReadWrite;Pooling=False",
        }, databasePath: path);
        var client = emulator.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/_emulator/health")).StatusCode);

        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }

        var response = await client.GetAsync("/_emulator/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Unhealthy", body["status"]!.GetValue<string>());
    }
}
