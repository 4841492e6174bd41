using System.Reflection;
using Emulator.Control;
using Emulator.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Emulator.Health;

/// <summary>
/// <c>GET /_emulator/health</c>: runs ASP.NET Core's health checks (the database must answer a query) and
/// answers <c>{"status": "Healthy", "version": "1.0.0", "uptimeSeconds": 12}</c>, 200 when healthy, 503 otherwise.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>The emulator's version: the assembly's informational version without build metadata.</summary>
    public static readonly string Version =
        (typeof(HealthEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];

    /// <summary>Tag of the checks behind liveness (<c>/_emulator/health</c>).</summary>
    public const string Live = "live";

    /// <summary>Tag of the checks behind readiness (<c>/_emulator/ready</c>).</summary>
    public const string Ready = "ready";

    /// <summary>Registers the health checks: the database (liveness and readiness) and start-up (readiness only).</summary>
    public static IServiceCollection AddEmulatorHealth(this IServiceCollection services)
    {
        services.AddSingleton<StartupGate>();
        services.AddHealthChecks()
            .AddDbContextCheck<EmulatorDbContext>("database", tags: [Live, Ready])
            .AddCheck<StartupGate>("startup", tags: [Ready]);
        return services;
    }

    /// <summary>Maps the liveness and readiness endpoints on the emulator's own surface (<paramref name="emulator"/> is <c>/_emulator</c>).</summary>
    public static RouteGroupBuilder MapEmulatorHealth(this RouteGroupBuilder emulator)
    {
        var started = ((IEndpointRouteBuilder)emulator).ServiceProvider.GetRequiredService<TimeProvider>().GetTimestamp();

        // Liveness tolerates Degraded; readiness needs every check Healthy.
        RouteHandlerBuilder Probe(string path, string tag, HealthStatus lowestPassing) =>
            emulator.MapGet(path, async (HealthCheckService checks, TimeProvider clock, CancellationToken cancellationToken) =>
                {
                    var report = await checks.CheckHealthAsync(c => c.Tags.Contains(tag), cancellationToken);
                    var body = new HealthWire(report.Status.ToString(), Version, (long)clock.GetElapsedTime(started).TotalSeconds);
                    return TypedResults.Json(body, statusCode: report.Status >= lowestPassing
                        ? StatusCodes.Status200OK
                        : StatusCodes.Status503ServiceUnavailable);
                })
                .WithTags("Health")
                .AllowWithoutAdminKey()
                .Produces<HealthWire>()
                .Produces<HealthWire>(StatusCodes.Status503ServiceUnavailable);

        Probe("/health", Live, HealthStatus.Degraded)
            .WithName("Health")
            .WithSummary("Liveness of the emulator")
            .WithDescription("200 while the database answers; 503 while it does not. Never needs the admin key.");
        Probe("/ready", Ready, HealthStatus.Healthy)
            .WithName("Ready")
            .WithSummary("Readiness of the emulator")
            .WithDescription("200 once migrations and the start-up seed (Emulator:SeedFile) are done and the database answers; " +
                "503 before. Never needs the admin key.");
        return emulator;
    }
}

/// <summary>Body of <c>GET /_emulator/health</c>.</summary>
/// <param name="Status">"Healthy", "Degraded" or "Unhealthy".</param>
/// <param name="Version">The emulator's version, e.g. "1.0.0".</param>
/// <param name="UptimeSeconds">Whole seconds since the emulator started.</param>
public sealed record HealthWire(string Status, string Version, long UptimeSeconds);

/// <summary>Readiness of the start-up work: unhealthy until <see cref="Open"/> is called once migrations and the start-up seed are done.</summary>
public sealed class StartupGate : IHealthCheck
{
    private volatile bool _open;

    /// <summary>Marks the start-up work as done.</summary>
    public void Open() => _open = true;

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_open ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Start-up (migrations, seed) is not done."));
}
