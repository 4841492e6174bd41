using System.Net.Http.Headers;
using System.Text.Json;
using Emulator.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Emulator.Testing;

/// <summary>
/// A real Inbox Emulator running inside the test process: Kestrel on <c>127.0.0.1</c> and a free port, on a private
/// database, stopped and deleted on dispose. Any client in the process (HttpClient, Refit, a generated OpenAPI client, a
/// browser) reaches it over a socket at <see cref="BaseAddress"/>.
/// <code>
/// await using var emulator = await InboxEmulator.StartAsync();
/// var tenant = await emulator.CreateTenantAsync();
/// </code>
/// </summary>
public sealed class InboxEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SqliteConnection? _memory;
    private readonly string _snapshots;
    private readonly string? _seedFile;

    private InboxEmulator(WebApplication app, SqliteConnection? memory, string snapshots, string? seedFile, string? adminKey)
    {
        _app = app;
        _memory = memory;
        _snapshots = snapshots;
        _seedFile = seedFile;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        Client = new HttpClient { BaseAddress = BaseAddress };
        Control = new EmulatorControlClient(new HttpClient { BaseAddress = BaseAddress }, adminKey);
    }

    /// <summary>Where the emulator listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>An HttpClient with <see cref="BaseAddress"/> set and no credentials.</summary>
    public HttpClient Client { get; }

    /// <summary>The typed client of the control surface (<c>/_emulator</c>).</summary>
    public EmulatorControlClient Control { get; }

    /// <summary>The development tenant, always there (README, "Development tenant").</summary>
    public static EmulatorTenant DevelopmentTenant { get; } = new(
        Emulator.DevelopmentTenant.CustomerId, Emulator.DevelopmentTenant.Token, Emulator.DevelopmentTenant.BotId,
        Emulator.DevelopmentTenant.AgencyId,
        new Dictionary<string, string> { [Channels.Website] = Emulator.DevelopmentTenant.BotId, [Channels.WhatsApp] = Emulator.DevelopmentTenant.WhatsAppBotId },
        Emulator.DevelopmentTenant.WhatsAppApiKey);

    /// <summary>The emulator's services, for what HTTP does not reach.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts an emulator and returns once it is ready (migrations and the seed done). The first start in a process
    /// migrates a template database; later ones copy it, which is what keeps a fresh instance cheap.
    /// </summary>
    /// <exception cref="InvalidOperationException">The options are invalid or the seed does not load; the message names the problem.</exception>
    public static async Task<InboxEmulator> StartAsync(InboxEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new InboxEmulatorOptions();
        SqliteConnection? memory = null;
        string connectionString;
        if (options.DatabasePath is { } path)
        {
            connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        }
        else
        {
            // SQLite's memdb VFS: a database in this process's memory that several connections share with ordinary
            // locking, alive while one connection holds it open.
            connectionString = $"Data Source=file:/inbox-emulator-{Guid.NewGuid():N}?vfs=memdb";
            memory = new SqliteConnection(connectionString);
            await memory.OpenAsync(cancellationToken);
            (await Template.Value).BackupDatabase(memory);
        }

        var snapshots = Path.Combine(Path.GetTempPath(), "inbox-emulator-snapshots", Guid.NewGuid().ToString("N"));
        string? seedFile = null;
        if (options.Seed is { } seed)
        {
            seedFile = Path.Combine(Path.GetTempPath(), $"inbox-emulator-seed-{Guid.NewGuid():N}.json");
            await File.WriteAllTextAsync(seedFile, JsonSerializer.Serialize(seed, ControlJson.Options), cancellationToken);
        }

        var settings = Settings(options, connectionString, snapshots, seedFile);
        var app = EmulatorApp.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
            if (options.LoggerProvider is { } provider)
            {
                builder.Logging.AddProvider(provider);
            }
        });
        try
        {
            await app.PrepareAsync(cancellationToken);
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            memory?.Dispose();
            DeleteQuietly(seedFile);
            throw;
        }

        return new InboxEmulator(app, memory, snapshots, seedFile, options.AdminKey);
    }

    /// <summary>An HttpClient that acts as <paramref name="tenant"/> (the development tenant when null): <c>Authorization:
    /// Bearer</c> and <c>authtype: Key</c>, as real clients send them on every endpoint.</summary>
    public HttpClient CreateClient(EmulatorTenant? tenant = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (tenant ?? DevelopmentTenant).Token);
        client.DefaultRequestHeaders.Add("authtype", "Key");
        return client;
    }

    /// <summary>Creates a tenant of its own for one test: nothing another test does in another tenant is visible to it.</summary>
    public Task<EmulatorTenant> CreateTenantAsync(CancellationToken cancellationToken = default) => Control.CreateTenantAsync(cancellationToken: cancellationToken);

    /// <summary>Stops the emulator and deletes its in-memory database, snapshots and seed file.</summary>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Control.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_memory is not null)
        {
            await _memory.DisposeAsync();
        }

        DeleteQuietly(_seedFile);
        if (Directory.Exists(_snapshots))
        {
            Directory.Delete(_snapshots, recursive: true);
        }
    }

    // One migrated database per process, copied into each new in-memory emulator with SQLite's backup API.
    private static readonly Lazy<Task<SqliteConnection>> Template = new(async () =>
    {
        var template = new SqliteConnection($"Data Source=file:/inbox-emulator-template-{Guid.NewGuid():N}?vfs=memdb");
        await template.OpenAsync();
        // The model is checked against the migrations by the emulator's own tests: no diff before migrating (about 0.3 s).
        var options = new DbContextOptionsBuilder<EmulatorDbContext>().UseSqlite(template)
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning)).Options;
        await using (var db = new EmulatorDbContext(options))
        {
            await db.Database.MigrateAsync();
        }

        return template;
    });

    private static Dictionary<string, string?> Settings(InboxEmulatorOptions options, string connectionString, string snapshots, string? seedFile)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Emulator"] = connectionString,
            ["Emulator:SnapshotFolder"] = snapshots,
            ["Emulator:AdminKey"] = options.AdminKey,
            ["Emulator:SeedFile"] = seedFile,
        };
        void Set(string key, int? value)
        {
            if (value is { } v)
            {
                settings[key] = v.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        Set("Emulator:PageSize", options.PageSize);
        Set("Emulator:RateLimitPermits", options.RateLimitPermits);
        Set("Emulator:RateLimitWindowMs", options.RateLimitWindowMs);
        Set("Emulator:IdSeed", options.IdSeed);
        Set("Emulator:JournalCapacity", options.JournalCapacity);
        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static void DeleteQuietly(string? file)
    {
        if (file is not null && File.Exists(file))
        {
            File.Delete(file);
        }
    }
}
