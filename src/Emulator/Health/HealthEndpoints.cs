using System.Reflection;
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

    /// <summary>Registers the database health check.</summary>
    public static IServiceCollection AddEmulatorHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<EmulatorDbContext>("database");
        return services;
    }

    /// <summary>Maps the health endpoint on the emulator's own surface (<paramref name="emulator"/> is <c>/_emulator</c>).</summary>
    public static RouteGroupBuilder MapEmulatorHealth(this RouteGroupBuilder emulator)
    {
        var started = ((IEndpointRouteBuilder)emulator).ServiceProvider.GetRequiredService<TimeProvider>().GetTimestamp();
        emulator.MapGet("/health", async (HealthCheckService checks, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                var report = await checks.CheckHealthAsync(cancellationToken);
                var body = new HealthWire(report.Status.ToString(), Version, (long)clock.GetElapsedTime(started).TotalSeconds);
                return TypedResults.Json(body, statusCode: report.Status == HealthStatus.Unhealthy
                    ? StatusCodes.Status503ServiceUnavailable
                    : StatusCodes.Status200OK);
            })
            .WithName("Health")
            .WithSummary("Liveness and readiness of the emulator")
            .WithDescription("200 once the database answers; 503 while it does not.")
            .WithTags("Emulator")
            .Produces<HealthWire>()
            .Produces<HealthWire>(StatusCodes.Status503ServiceUnavailable);
        return emulator;
    }
}

/// <summary>Body of <c>GET /_emulator/health</c>.</summary>
/// <param name="Status">"Healthy", "Degraded" or "Unhealthy".</param>
/// <param name="Version">The emulator's version, e.g. "1.0.0".</param>
/// <param name="UptimeSeconds">Whole seconds since the emulator started.</param>
public sealed record HealthWire(string Status, string Version, long UptimeSeconds);
