using Emulator.Chats;
using Emulator.Common;
using Emulator.Control;
using Emulator.Contacts;
using Emulator.CustomApp;
using Emulator.Data;
using Emulator.Faults;
using Emulator.Health;
using Emulator.Inspector;
using Emulator.Leads;
using Emulator.OpenApi;
using Emulator.Segments;
using Emulator.State;
using Emulator.Tenants;
using Emulator.Webhooks;
using Emulator.WhatsApp;
using FluentValidation;

namespace Emulator;

/// <summary>
/// Builds the emulator as a web application: its services, its pipeline and its endpoints. The process entry point
/// (<c>Program</c>) and the in-process test fixture (the Emulator.Testing package) both start it through this class.
/// </summary>
public static class EmulatorApp
{
    /// <summary>
    /// Creates the emulator's application from command-line style <paramref name="args"/> (<c>--Emulator:PageSize 50</c>),
    /// letting <paramref name="configure"/> change the builder first (configuration sources, Kestrel addresses, logging,
    /// services). Call <see cref="PrepareAsync"/> before starting it.
    /// </summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The app's own folder is the content root wherever the process starts (`dotnet /app/Emulator.dll` from /), so
        // appsettings.json is always read.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

        // Kestrel's bad-request messages quote the offending header line, which can hold an API token; they are never
        // logged, at any configured level (README, "Configuration").
        builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel.BadRequests", LogLevel.None);

        builder.Services.AddOptions<EmulatorOptions>().BindConfiguration(EmulatorOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<EmulatorOptions>, EmulatorOptionsValidator>();
        builder.Services.AddSingleton<TenantDirectory>();
        builder.Services.AddInboxAuthentication();
        builder.Services.AddSingleton<ObjectIds>();
        builder.Services.AddControlSurface();
        builder.Services.AddEmulatorDatabase();
        builder.Services.AddEmulatorHealth();
        // Hosted services start side by side: the web server builds its pipeline while the data protection key ring
        // loads (the start-up work that must come first has run by then: PrepareAsync). They still stop in reverse order.
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
        builder.Services.AddSingleton<SingleWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SingleWriter>());

        // Every validator of the emulator, found by one scan: a new request type's validator needs no registration.
        builder.Services.AddWireValidators();
        builder.Services.AddSingleton<ChatPageReader>();
        builder.Services.AddSingleton<ReadContexts>();
        builder.Services.AddScoped<LeadStore>();
        builder.Services.AddScoped<ContactWriter>();
        builder.Services.AddScoped<ContactImporter>();
        builder.Services.AddSingleton<WhatsAppOutbox>();
        builder.Services.AddSingleton<IResettable>(sp => sp.GetRequiredService<WhatsAppOutbox>());
        builder.Services.AddSingleton<WhatsAppSender>();
        builder.Services.AddHttpClient("webhooks");
        builder.Services.AddSingleton<WebhookOutbox>();
        builder.Services.AddSingleton<IChatEventSink>(sp => sp.GetRequiredService<WebhookOutbox>());
        builder.Services.AddSingleton<WebhookDispatcher>();
        builder.Services.AddSingleton<IResettable>(sp => sp.GetRequiredService<WebhookDispatcher>());

        // Registered after the writer, so it stops first: deliveries that end during the stop still delete their rows.
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        builder.Services.ConfigureHttpJsonOptions(o => WireJson.Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails();

        // Binding failures (an unparsable control-surface body, a query value of the wrong type) reach the exception handler in
        // every environment, which answers them with the reason: a 400 problem, or the envelope on the emulated surface.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<InboxExceptionHandler>();
        builder.Services.AddResponseCompression(o => o.EnableForHttps = true);

        // Web pages call the platform from the browser, so any origin may call the emulator.
        builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod()));
        builder.Services.AddEmulatorSwagger();
        builder.Services.AddInspector();

        // Last, so that what the caller sets (addresses, settings, logging, services) wins.
        configure?.Invoke(builder);
        var app = builder.Build();
        StartupBanner.LogWhenReady(app);

        // Pipeline order: compression wraps everything; the journal records what the client gets, faults and errors included;
        // fault rules act before anything reads the request; failures become envelopes (/inbox) or problem details; CORS answers
        // browser preflights; the rate limiter counts requests per token; Swagger and the endpoints come last.
        app.UseInspector();
        app.UseResponseCompression();
        app.UseControlSurface();
        app.UseExceptionHandler();
        app.UseStatusCodePages(InboxExceptionHandler.WriteStatusCodePage);
        app.UseCors();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseEmulatorSwagger();

        app.MapControlSurface();
        app.MapInspector();

        // The emulated surface: each group's checks are set by InboxPipeline, in the platform's order.
        app.MapGroup("/inbox")
            .WithGroupName(SwaggerSetup.InboxDocument)
            .RequireApiToken()
            .MapLeadApi()
            .MapChatApi()
            .MapContactApi()
            .MapContactWriteApi()
            .MapSegmentApi();

        // The platform's WhatsApp endpoints (README, "WhatsApp and the custom-app API"), documented with the Inbox API.
        app.MapGroup("/whatsapp-automation")
            .WithGroupName(SwaggerSetup.InboxDocument)
            .WithTags("WhatsApp")
            .MapWhatsAppApi();
        app.MapGroup("/integrations/custom-app")
            .WithGroupName(SwaggerSetup.InboxDocument)
            .WithTags("Custom app")
            .RequireApiToken()
            .MapCustomAppApi()
            .MapWebhookApi();
        return app;
    }

    /// <summary>
    /// The start-up work, in order: migrations, the runtime tenants, the seed file (<see cref="EmulatorOptions.SeedFile"/>);
    /// then readiness opens. Throws, with a message naming the problem, when any of them fails.
    /// </summary>
    /// <exception cref="EmulatorStartupException">A stored runtime tenant clashes with the settings, or the seed file does not load.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The settings are invalid (checked first, before the host
    /// starts and logs the failure with a stack trace).</exception>
    public static async Task PrepareAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        _ = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmulatorOptions>>().Value;

        // The start-up work writes before the host starts its hosted services: the writer starts first (once).
        await app.Services.GetRequiredService<SingleWriter>().StartAsync(cancellationToken);
        await app.Services.MigrateDatabaseAsync(cancellationToken);
        await app.Services.LoadTenantsAsync(cancellationToken);
        await app.Services.LoadSeedFileAsync(cancellationToken);
        app.Services.GetRequiredService<StartupGate>().Open();
    }
}
