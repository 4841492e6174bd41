using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Emulator.Benchmarks;

/// <summary>A server under test run as its own process on a free loopback port: the emulator or the ceiling.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private double _earlierPeakKiB;

    private ServerProcess(Process process, Uri baseAddress, TimeSpan coldStart)
    {
        _process = process;
        BaseAddress = baseAddress;
        ColdStart = coldStart;
    }

    /// <summary>Where it listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>From process start to the first 200 of the probe path.</summary>
    public TimeSpan ColdStart { get; }

    /// <summary>Resident memory now, in MiB (Linux <c>VmRSS</c>).</summary>
    public double RssMiB => ReadStatusKiB("VmRSS") / 1024.0;

    /// <summary>The most resident memory since the process started, in MiB (Linux <c>VmHWM</c>, and its values before
    /// each <see cref="ResetPeak"/>).</summary>
    public double PeakRssMiB => Math.Max(_earlierPeakKiB, ReadStatusKiB("VmHWM")) / 1024.0;

    /// <summary>The most resident memory since the last <see cref="ResetPeak"/>, in MiB.</summary>
    public double PeakSinceResetMiB => ReadStatusKiB("VmHWM") / 1024.0;

    /// <summary>Starts a new peak: Linux resets <c>VmHWM</c> to the current resident size when <c>5</c> is written to
    /// <c>/proc/PID/clear_refs</c>, so each scenario's peak is its own.</summary>
    public void ResetPeak()
    {
        _earlierPeakKiB = Math.Max(_earlierPeakKiB, ReadStatusKiB("VmHWM"));
        File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");
    }

    /// <summary>Starts <paramref name="dll"/> (a .dll beside this program, or an executable's path) and waits until <paramref name="probe"/> answers 200 (at most 120 s).</summary>
    public static async Task<ServerProcess> StartAsync(string dll, string probe, IDictionary<string, string> environment)
    {
        var port = FreePort();
        // A .dll runs on the shared framework (`dotnet x.dll`); anything else is a self-contained executable, started as
        // the Docker image starts it.
        var path = Path.Combine(AppContext.BaseDirectory, dll);
        var framework = path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(framework ? "dotnet" : path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        if (framework)
        {
            start.ArgumentList.Add(path);
        }

        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  [{dll}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < TimeSpan.FromSeconds(120) && !process.HasExited)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, probe);
                request.Headers.TryAddWithoutValidation("x-bot-token", DevelopmentTenant.Token);
                using var response = await client.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return new ServerProcess(process, address, clock.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(5);
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"{dll} did not answer {probe} within 120 s.");
    }

    private double ReadStatusKiB(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
