using System.Text;
using Emulator.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Emulator.Tests.Infrastructure;

/// <summary>
/// An in-process emulator on its own SQLite file, deleted on dispose (unless the file was handed in, for
/// restart tests). Besides the development tenant it knows a second tenant, <see cref="OtherToken"/>.
/// </summary>
public sealed class EmulatorFactory : WebApplicationFactory<Program>
{
    public const string OtherToken = "other-tenant-token";
    public const string OtherCustomerId = "aaaaaaaaaaaaaaaaaaaaaaaa";
    public const string DevToken = DevelopmentTenant.Token;
    public const string DevCustomerId = DevelopmentTenant.CustomerId;
    public const string DevBotId = DevelopmentTenant.BotId;

    private readonly bool _ownsFile;
    private readonly FakeTimeProvider? _clock;
    private readonly Dictionary<string, string?> _settings;

    /// <param name="settings">Configuration overrides.</param>
    /// <param name="databasePath">An existing file to use (and keep), for restart tests.</param>
    /// <param name="kestrel">Serve over real sockets with Kestrel on a free loopback port (see <see cref="SendRawAsync"/>),
    /// for behaviour the in-memory test server does not reproduce (malformed HTTP framing).</param>
    /// <param name="captureLogs">Keep every log line (<see cref="Logs"/>).</param>
    /// <param name="clock">A clock the test moves by hand, behind every timestamp the emulator writes.</param>
    /// <param name="fresh">Start on an empty file that the emulator migrates itself, instead of a copy of the migrated
    /// template (for tests of the migrations).</param>
    public EmulatorFactory(IDictionary<string, string?>? settings = null, string? databasePath = null, bool kestrel = false,
        bool captureLogs = false, FakeTimeProvider? clock = null, bool fresh = false)
    {
        _clock = clock;
        Logs = captureLogs ? new LogCapture() : null;
        if (kestrel)
        {
            UseKestrel(0);
        }

        _ownsFile = databasePath is null;
        DatabasePath = databasePath ?? NewDatabasePath();
        if (_ownsFile && !fresh)
        {
            // Migrating costs far more than copying: one migrated file per test run, copied for each test.
            File.Copy(MigratedTemplate.Value, DatabasePath);
        }

        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Emulator"] = $"Data Source={DatabasePath}",
            ["Emulator:Tenants:0:Token"] = OtherToken,
            ["Emulator:Tenants:0:CustomerId"] = OtherCustomerId,
            ["Emulator:SnapshotFolder"] = DatabasePath + ".snapshots",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DatabasePath { get; }

    /// <summary>Every log line the emulator writes, when the factory was made with <c>captureLogs: true</c>.</summary>
    public LogCapture? Logs { get; }

    /// <summary>
    /// Sends <paramref name="request"/> as raw bytes to the Kestrel server (the factory must be made with
    /// <c>kestrel: true</c>) and returns the raw response: all of it once the server closes or resets the connection,
    /// or as soon as the text received holds <paramref name="until"/>.
    /// </summary>
    public async Task<string> SendRawAsync(byte[] request, string? until = null)
    {
        StartServer();
        var address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(System.Net.IPAddress.Loopback, address.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(request);
        var received = new StringBuilder();
        var buffer = new byte[16 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Append(Encoding.ASCII.GetString(buffer, 0, read));
                if (until is not null && received.ToString().Contains(until))
                {
                    break;
                }
            }
        }
        catch (IOException)
        {
            // The server reset the connection after answering (it does so when a request body is left unread).
        }

        return received.ToString();
    }

    private static readonly Lazy<string> MigratedTemplate = new(() =>
    {
        var path = NewDatabasePath();
        var options = new DbContextOptionsBuilder<EmulatorDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
        using (var db = new EmulatorDbContext(options))
        {
            db.Database.Migrate();
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    });

    /// <summary>A new file holding the migrated template, for a test that owns it across emulators (restarts); delete it
    /// with <see cref="DeleteDatabase"/>.</summary>
    public static string CopyOfTemplate()
    {
        var path = NewDatabasePath();
        File.Copy(MigratedTemplate.Value, path);
        return path;
    }

    /// <summary>Deletes a database file, its WAL files and its snapshot folder.</summary>
    public static void DeleteDatabase(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }

        if (Directory.Exists(path + ".snapshots"))
        {
            Directory.Delete(path + ".snapshots", recursive: true);
        }
    }

    public static string NewDatabasePath()
    {
        var folder = Path.Combine(Path.GetTempPath(), "inbox-emulator-tests");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{Guid.NewGuid():N}.db");
    }

    /// <summary>Every contact read through <see cref="Inbox"/>, PUT back when the emulator is disposed.</summary>
    public ContactRoundTrip RoundTrip { get; } = new();

    public InboxClient Inbox(string token = DevToken) => new(CreateClient(), token, RoundTrip.Observe);

    /// <summary>A client that sends as the vendor's n8n node does: <c>Authorization: Bearer</c>, <c>authType: Key</c>,
    /// <c>Accept: */*</c>.</summary>
    public HttpClient NodeClient(string token = DevToken)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.Add("authType", "Key");
        client.DefaultRequestHeaders.Accept.ParseAdd("*/*");
        return client;
    }

    /// <summary>A client of the control surface, sending <paramref name="adminKey"/> when given.</summary>
    public ControlClient Control(string? adminKey = null) => new(CreateClient(), adminKey);

    /// <summary>
    /// Arranges a chat with fields no emulated endpoint can set yet (online state, messages, channels,
    /// segments…), through the same derived-state rules as the write paths.
    /// </summary>
    public Task<Chat> SeedAsync(Action<Chat> arrange, string customerId = DevCustomerId, string botId = DevBotId) =>
        Services.GetRequiredService<SingleWriter>().WriteAsync(async (db, ct) =>
        {
            var chat = await db.StartChatAsync(customerId, botId, Guid.NewGuid().ToString(), Channels.Website, ct);
            arrange(chat);
            await db.SaveChangesAsync(ct);
            return chat;
        }, default);

    // Set when the host is built: only then is there data to check at the end.
    private bool _built;

    // The running host's services, or null when its start failed (a test of a start that must fail).
    private IServiceProvider? StartedServices()
    {
        try
        {
            return Services;
        }
        catch (Exception e) when (e is EmulatorStartupException or Microsoft.Extensions.Options.OptionsValidationException or InvalidOperationException)
        {
            return null;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        _built = true;
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        if (Logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }

        if (_clock is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton(new Emulator.Control.EmulatorClock(_clock)));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsFile)
        {
            DeleteDatabase(DatabasePath);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            if (RoundTrip.HasContacts)
            {
                await RoundTrip.VerifyAsync(this);
            }

            if (_built && StartedServices() is { } services)
            {
                await ListingEquivalence.VerifyAsync(services);
            }
        }
        finally
        {
            await base.DisposeAsync();
            Dispose(true);
        }
    }
}
