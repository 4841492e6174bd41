using Emulator.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
    private readonly Dictionary<string, string?> _settings;

    public EmulatorFactory(IDictionary<string, string?>? settings = null, string? databasePath = null)
    {
        _ownsFile = databasePath is null;
        DatabasePath = databasePath ?? NewDatabasePath();
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Emulator"] = $"Data Source={DatabasePath}",
            ["Emulator:Tenants:0:Token"] = OtherToken,
            ["Emulator:Tenants:0:CustomerId"] = OtherCustomerId,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DatabasePath { get; }

    public static string NewDatabasePath()
    {
        var folder = Path.Combine(Path.GetTempPath(), "inbox-emulator-tests");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{Guid.NewGuid():N}.db");
    }

    /// <summary>Every contact read through <see cref="Inbox"/>, PUT back when the emulator is disposed.</summary>
    public ContactRoundTrip RoundTrip { get; } = new();

    public InboxClient Inbox(string token = DevToken) => new(CreateClient(), token, RoundTrip.Observe);

    /// <summary>
    /// Arranges a chat with fields no emulated endpoint can set yet (online state, messages, channels,
    /// segments…), through the same derived-state rules as the write paths.
    /// </summary>
    public async Task<Chat> SeedAsync(Action<Chat> arrange, string customerId = DevCustomerId, string botId = DevBotId)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
        var now = Emulator.Common.Timestamps.Truncate(DateTime.UtcNow);
        var chat = await ChatClock.AddNewChatAsync(db, customerId, botId, Guid.NewGuid().ToString(), now, default);
        arrange(chat);
        ChatRules.Refresh(chat);
        await db.SaveChangesAsync();
        return chat;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsFile)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(DatabasePath + suffix);
            }
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
        }
        finally
        {
            await base.DisposeAsync();
            Dispose(true);
        }
    }
}
