using Emulator.Faults;
using Emulator.Health;
using Emulator.Journal;
using Emulator.OpenApi;
using Emulator.Segments;
using Emulator.Simulation;
using Emulator.State;
using Emulator.Tenants;
using Emulator.Webhooks;
using Emulator.WhatsApp;
using FluentValidation;

namespace Emulator.Control;

/// <summary>
/// The emulator's own surface under the reserved <c>/_emulator</c> prefix (README, "Testing with the emulator"): its
/// services and its endpoints, documented in the <c>emulator</c> OpenAPI document. Every endpoint but health and readiness
/// needs the admin key when one is set; bodies are validated into RFC 9457 problems.
/// </summary>
public static class ControlSurface
{
    /// <summary>Registers the control surface's services: the clock, journal, tenants, faults, rate limit, data and snapshots.</summary>
    public static IServiceCollection AddControlSurface(this IServiceCollection services)
    {
        services.AddSingleton(new EmulatorClock(TimeProvider.System));
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<EmulatorClock>());
        services.AddSingleton<RequestJournal>();
        services.AddSingleton<IResettable>(sp => sp.GetRequiredService<RequestJournal>());
        services.AddSingleton<TenantAdmin>();
        services.AddSingleton<FaultRules>();
        services.AddSingleton<IResettable>(sp => sp.GetRequiredService<FaultRules>());
        services.AddEmulatorRateLimiting();
        services.AddSingleton<SeedLoader>();
        services.AddSingleton<Snapshots>();
        services.AddSingleton<State.DataReset>();
        services.AddSingleton<Simulation.ChatSimulator>();
        return services;
    }

    /// <summary>
    /// Adds the middleware the control surface acts through, in pipeline order: the journal (outermost after compression,
    /// so it records what the client gets) and the fault rules (before anything reads the request).
    /// </summary>
    public static WebApplication UseControlSurface(this WebApplication app)
    {
        app.UseMiddleware<JournalMiddleware>();
        app.UseMiddleware<FaultMiddleware>();
        return app;
    }

    /// <summary>Maps every <c>/_emulator</c> endpoint.</summary>
    public static WebApplication MapControlSurface(this WebApplication app)
    {
        app.MapGroup("/_emulator")
            .WithGroupName(SwaggerSetup.EmulatorDocument)
            .AddEndpointFilter<AdminKeyFilter>()
            .AddEndpointFilterFactory(ProblemValidationFilter.Create)
            .MapEmulatorHealth()
            .MapClockApi()
            .MapJournalApi()
            .MapTenantApi()
            .MapResetApi()
            .MapFaultApi()
            .MapDataApi()
            .MapSimulationApi()
            .MapSegmentAdminApi()
            .MapSnapshotApi()
            .MapWhatsAppControlApi()
            .MapWebhookControlApi();
        return app;
    }
}
