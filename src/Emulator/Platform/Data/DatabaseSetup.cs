using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Emulator.Data;

/// <summary>Registers and prepares the SQLite database.</summary>
public static class DatabaseSetup
{
    /// <summary>The connection string used when <c>ConnectionStrings:Emulator</c> is not set: a file under <c>data/</c>
    /// relative to the working directory.</summary>
    public const string DefaultConnectionString = "Data Source=data/emulator.db";

    /// <summary>
    /// Adds a pool of <see cref="EmulatorDbContext"/> on SQLite, reading <c>ConnectionStrings:Emulator</c> when the context is
    /// first resolved (so test hosts can override it), with the busy timeout of <see cref="EmulatorOptions.BusyTimeoutMs"/>.
    /// </summary>
    public static IServiceCollection AddEmulatorDatabase(this IServiceCollection services)
    {
        services.AddSingleton<BusyTimeoutInterceptor>();
        services.AddSingleton<StatementReuseInterceptor>();
        services.AddDbContextPool<EmulatorDbContext>((provider, options) =>
        {
            // Microsoft.Data.Sqlite retries a busy database on its own until the command timeout (whole seconds,
            // 30 by default), on top of SQLite's busy_timeout; both get the setting, so that it bounds the wait.
            var seconds = LockWaitSeconds(provider.GetRequiredService<IOptions<EmulatorOptions>>().Value.BusyTimeoutMs);
            var connection = new SqliteConnectionStringBuilder(ConnectionString(provider.GetRequiredService<IConfiguration>()))
            {
                DefaultTimeout = seconds,
            };
            options.UseSqlite(connection.ToString(), sqlite => sqlite.CommandTimeout(seconds))
                .AddInterceptors(provider.GetRequiredService<BusyTimeoutInterceptor>(), provider.GetRequiredService<StatementReuseInterceptor>())

                // MigrateAsync would diff the model against the last migration's snapshot before migrating a file, building
                // both with the model builder: most of a first start's migration time. The test
                // The_migrations_match_the_model makes that check instead.
                .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        });
        return services;
    }

    /// <summary><see cref="EmulatorOptions.BusyTimeoutMs"/> as Microsoft.Data.Sqlite's command timeout: whole seconds,
    /// rounded up, at least 1 (0 would mean no limit there).</summary>
    public static int LockWaitSeconds(int busyTimeoutMs) => Math.Max(1, (busyTimeoutMs + 999) / 1000);

    /// <summary>
    /// The file a connection string's data source names, or null for a database that lives in memory (<c>:memory:</c>, a
    /// <c>file:</c> URI such as the in-memory <c>file:/name?vfs=memdb</c> the test fixture uses, or no data source).
    /// </summary>
    public static string? FilePath(string dataSource) =>
        dataSource.Length == 0 || dataSource.StartsWith(':') || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? null
            : Path.GetFullPath(dataSource);

    /// <summary>The configured connection string, or <see cref="DefaultConnectionString"/>.</summary>
    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Emulator") is { Length: > 0 } configured ? configured : DefaultConnectionString;

    /// <summary>
    /// Creates the database file's folder and checks that it is writable (<see cref="DatabaseFolder"/>), applies pending EF Core migrations (so an existing file from an older
    /// version is upgraded in place, keeping its data), switches the file to WAL journal mode and refreshes the
    /// planner's statistics.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (FilePath(dataSource) is { } file)
        {
            DatabaseFolder.EnsureWritable(file);
        }

        // MigrateAsync also diffs the model against the last migration's snapshot on every start, which was a large part
        // of the cold start; a file that has every migration skips it (a test checks the model needs no new migration).
        if (await HasPendingMigrationsAsync(db, cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

        // Refresh the query planner's statistics (sampled, so start-up stays fast on large files): stale ones,
        // e.g. after a migration adds indexes, can make SQLite pick a slow plan for the listings.
        await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;", cancellationToken);
    }

    // Whether the file lacks one of the assembly's migrations. EF Core's GetPendingMigrationsAsync builds a model of its
    // history table with the model builder on every start (about 100 ms of code run nowhere else once the model is
    // compiled); the history table is read directly instead.
    private static async Task<bool> HasPendingMigrationsAsync(EmulatorDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $table";
            command.Parameters.Add(new SqliteParameter("$table", HistoryTable));
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) == 0)
            {
                return true;
            }

            command.Parameters.Clear();
            command.CommandText = $"SELECT MigrationId FROM \"{HistoryTable}\"";
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetString(0));
                }
            }

            return db.Database.GetMigrations().Any(m => !applied.Contains(m));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Whether the table of entity <typeparamref name="TEntity"/> has a row, asked in plain SQL: no EF Core query is
    /// compiled, which matters in a cold process.</summary>
    internal static async Task<bool> HasRowsAsync<TEntity>(this EmulatorDbContext db, CancellationToken cancellationToken)
    {
        var table = db.Model.FindEntityType(typeof(TEntity))?.GetTableName()
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped to a table.");
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT EXISTS (SELECT 1 FROM \"{table}\")";
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) != 0;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // EF Core's default history table, which the emulator does not rename.
    private const string HistoryTable = Microsoft.EntityFrameworkCore.Migrations.HistoryRepository.DefaultTableName;
}

/// <summary>Start-up steps after the migrations.</summary>
public static class StartupSteps
{
    /// <summary>Makes the runtime tenants stored in the database known to the <see cref="Tenants.TenantDirectory"/>.</summary>
    public static async Task LoadTenantsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await services.GetRequiredService<Tenants.TenantDirectory>()
            .LoadAsync(scope.ServiceProvider.GetRequiredService<EmulatorDbContext>(), cancellationToken);
    }
}

/// <summary>Sets SQLite's <c>busy_timeout</c> on every opened connection, so a writer waits for another instead of failing.</summary>
public sealed class BusyTimeoutInterceptor(IOptions<EmulatorOptions> options) : DbConnectionInterceptor
{
    /// <inheritdoc />
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Pragma(connection);
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Pragma(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand Pragma(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {options.Value.BusyTimeoutMs};";
        return command;
    }
}
