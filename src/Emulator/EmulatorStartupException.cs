namespace Emulator;

/// <summary>
/// The emulator cannot start with its settings or data: a seed file that does not load, a stored runtime tenant that
/// clashes with the settings. The message names the setting and the fix; the process prints it alone and exits with
/// <see cref="ExitCode"/> (README, "Configuration"). Invalid options end the same way (OptionsValidationException).
/// </summary>
public sealed class EmulatorStartupException(string message, Exception? inner = null) : InvalidOperationException(message, inner)
{
    /// <summary>The process's exit code when it cannot start: 78, <c>EX_CONFIG</c> of sysexits.h ("configuration error").</summary>
    public const int ExitCode = 78;
}
