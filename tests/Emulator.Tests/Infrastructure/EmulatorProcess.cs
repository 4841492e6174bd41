using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Emulator.Tests.Infrastructure;

/// <summary>
/// The built emulator (<c>Emulator.dll</c> beside the tests) run as its own process, as a user runs it: on a free
/// loopback port, from any working folder, with settings passed as environment variables. For what only a real
/// process shows (content root, start-up logs, a hard kill).
/// </summary>
public sealed partial class EmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private EmulatorProcess(Process process) => _process = process;

    /// <summary>Where the emulator listens, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every line the process has written to standard output and error so far.</summary>
    public IReadOnlyCollection<string> Output => _output;

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();

    /// <summary>Starts the emulator in <paramref name="workingDirectory"/> and waits until it listens (at most 60 s).</summary>
    /// <param name="workingDirectory">The folder to start in.</param>
    /// <param name="environment">Settings as environment variables (<c>ConnectionStrings__Emulator</c>, …).</param>
    /// <exception cref="InvalidOperationException">The process exited or did not listen in time; the message holds its output.</exception>
    public static async Task<EmulatorProcess> StartAsync(string workingDirectory, IDictionary<string, string> environment)
    {
        var start = StartInfo(workingDirectory, environment);

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var emulator = new EmulatorProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        void OnLine(object? _, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            emulator._output.Enqueue(e.Data);
            if (Listening().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }

        emulator._process.OutputDataReceived += OnLine;
        emulator._process.ErrorDataReceived += OnLine;
        emulator._process.Exited += (_, _) => listening.TrySetException(
            new InvalidOperationException("The emulator exited:\n" + string.Join('\n', emulator._output)));
        emulator._process.Start();
        emulator._process.BeginOutputReadLine();
        emulator._process.BeginErrorReadLine();
        try
        {
            emulator.BaseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            await emulator.DisposeAsync();
            throw new InvalidOperationException("The emulator did not listen within 60 s:\n" + string.Join('\n', emulator._output));
        }

        return emulator;
    }

    /// <summary>Runs the emulator in <paramref name="workingDirectory"/> until it exits by itself (at most 60 s), for starts
    /// that must fail and for commands (<paramref name="command"/>, e.g. <c>migrate</c>): its exit code and every line it
    /// wrote to standard output and error.</summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> Output)> RunToExitAsync(
        string workingDirectory, IDictionary<string, string> environment, params string[] command)
    {
        var start = StartInfo(workingDirectory, environment, command);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The emulator did not exit within 60 s: it started although it should not have.");
        }

        var lines = (await output + await error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (process.ExitCode, lines);
    }

    // The built emulator on a free loopback port, in workingDirectory, with settings as environment variables.
    private static ProcessStartInfo StartInfo(string workingDirectory, IDictionary<string, string> environment, string[]? command = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Emulator.dll"));
        foreach (var argument in command ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        return start;
    }

    /// <summary>An HTTP client of this process.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    /// <summary>Kills the process at once (SIGKILL): no shutdown, no flush, as a crash or <c>kill -9</c> would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
