using Emulator;
using Emulator.Health;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

var app = EmulatorApp.Create(args);
await app.PrepareAsync();
await app.RunAsync();
return 0;

/// <summary>The emulator's entry point; public so that test hosts (WebApplicationFactory) can start it.</summary>
public partial class Program;
