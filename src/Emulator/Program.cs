using Emulator;
using Emulator.Data;
using Emulator.Health;
using Microsoft.Extensions.Options;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

// `migrate`: creates or upgrades the database file and exits (the image ships a migrated, empty file this way).
var migrateOnly = args is ["migrate", ..];
try
{
    var app = EmulatorApp.Create(migrateOnly ? args[1..] : args);
    if (migrateOnly)
    {
        await app.Services.MigrateDatabaseAsync();
        await app.DisposeAsync();

        // Closing every connection checkpoints the write-ahead log into the file and deletes it.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return 0;
    }

    await app.PrepareAsync();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is EmulatorStartupException or OptionsValidationException
    && System.Reflection.Assembly.GetEntryAssembly() == typeof(Program).Assembly)
{
    // The message names the setting and the fix; a stack trace would only bury it. A host that runs this entry point
    // inside its own process (WebApplicationFactory) gets the exception itself.
    var problems = e is OptionsValidationException invalid ? invalid.Failures : [e.Message];
    Console.Error.WriteLine("Inbox Emulator cannot start:");
    foreach (var problem in problems)
    {
        Console.Error.WriteLine($"  {problem}");
    }

    return EmulatorStartupException.ExitCode;
}

/// <summary>The emulator's entry point; public so that test hosts (WebApplicationFactory) can start it.</summary>
public partial class Program;
