using Emulator.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Emulator.Health;

/// <summary>
/// One short banner once the emulator is ready (as Azurite and LocalStack print theirs): where it listens, where Swagger
/// UI is, which database it uses (the file, or "in memory"), and whether the development tenant and an admin key are on.
/// Logged at Information under the <c>Emulator</c> category, so it shows with the default settings and goes wherever the
/// host sends its logs (the console; the test fixture's logger).
/// </summary>
public static class StartupBanner
{
    /// <summary>Logs the banner when <paramref name="app"/> has started listening.</summary>
    public static void LogWhenReady(WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() => app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Emulator")
            .LogInformation("{Banner}", Text(app.Services)));

    /// <summary>The banner's text for the running emulator.</summary>
    public static string Text(IServiceProvider services)
    {
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.Select(ListenAddress.Local).ToList() ?? [];
        var baseUrl = addresses.FirstOrDefault();
        var options = services.GetRequiredService<IOptions<EmulatorOptions>>().Value;
        var dataSource = new SqliteConnectionStringBuilder(DatabaseSetup.ConnectionString(services.GetRequiredService<IConfiguration>())).DataSource;
        var lines = new List<string> { "Inbox Emulator is ready." };
        lines.AddRange(addresses.Select(a => $"  Inbox API:          {a}"));
        if (baseUrl is not null)
        {
            lines.Add($"  Swagger UI:         {baseUrl}/swagger");
            lines.Add($"  Inspector:          {baseUrl}{Inspector.InspectorSetup.Root}");
        }

        lines.Add($"  Database:           {DatabaseSetup.FilePath(dataSource) ?? "in memory"}");
        lines.Add($"  Development tenant: {(options.EnableDevelopmentTenant ? "on (its token: README, \"Development tenant\")" : "off")}");
        lines.Add($"  Admin key:          {(string.IsNullOrEmpty(options.AdminKey) ? "off: whoever reaches this port can reset, seed and export every tenant's data" : "on")}");
        return string.Join(Environment.NewLine, lines);
    }
}
