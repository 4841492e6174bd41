namespace Emulator.Health;

/// <summary>
/// The emulator's health-probe mode, for container health checks in images that ship no curl:
/// <c>dotnet Emulator.dll health-probe [url]</c> asks <c>GET /_emulator/health</c> and exits 0 when it answers
/// 200 within 5 seconds, 1 otherwise. Without a URL it probes where the server listens, as ASP.NET Core decides it: the
/// first <c>http</c> address of <c>ASPNETCORE_URLS</c> (a wildcard host such as <c>+</c>, <c>*</c> or <c>0.0.0.0</c> asked
/// on <c>localhost</c>), which wins over <c>ASPNETCORE_HTTP_PORTS</c> (its first port), else port 8080.
/// </summary>
public static class HealthProbe
{
    /// <summary>The first command-line argument that selects this mode.</summary>
    public const string Command = "health-probe";

    /// <summary>True when <paramref name="args"/> ask for the probe instead of the server.</summary>
    public static bool IsRequested(string[] args) => args is [Command, ..];

    /// <summary>Runs the probe; returns the process exit code (0 healthy, 1 not).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var url = args.Length > 1 ? args[1] : DefaultUrl();
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            using var response = await client.GetAsync(url);
            Console.WriteLine($"{url}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException)
        {
            Console.Error.WriteLine($"{url}: {ex.Message}");
            return 1;
        }
    }

    /// <summary>The health URL the probe asks when given none, from the environment as described above.</summary>
    public static string DefaultUrl()
    {
        var urls = Environment.GetEnvironmentVariable("ASPNETCORE_URLS")?
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (urls.FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) is { } listening)
        {
            return $"{ListenAddress.Local(listening)}/_emulator/health";
        }

        var ports = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS");
        var port = ports?.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return $"http://localhost:{(string.IsNullOrEmpty(port) ? "8080" : port)}/_emulator/health";
    }
}
