using Emulator;
using Emulator.Health;
using Microsoft.Extensions.Options;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

try
{
    var app = EmulatorApp.Create(args);
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
