using Microsoft.OpenApi;

namespace Emulator.OpenApi;

/// <summary>
/// Swashbuckle set-up: two documents, <c>inbox</c> (the emulated API, with the real platform's base URLs per
/// brand as servers and both auth forms as security schemes) and <c>emulator</c> (the emulator's own surface).
/// Swagger UI is served at <c>/swagger</c>.
/// </summary>
public static class SwaggerSetup
{
    /// <summary>Name of the emulated API's document.</summary>
    public const string InboxDocument = "inbox";

    /// <summary>Name of the emulator's own surface's document.</summary>
    public const string EmulatorDocument = "emulator";

    /// <summary>Security scheme id of <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public const string BearerScheme = "bearer";

    /// <summary>The real platform's base URL per brand (README, "Pointing a client at the emulator").</summary>
    public static readonly IReadOnlyList<(string Brand, string Url)> Brands =
    [
        ("BotPenguin", "https://api.v7.botpenguin.com"),
        ("Flowmatix", "https://api.v7.flowmatix.ai"),
        ("eleapi (express-chat)", "https://api.v7.express-chat.ai"),
        ("Convertalk", "https://api.v7.convertalk.com"),
    ];

    private const string ServedFrom = "This emulator (the address this document was loaded from)";

    private static readonly OpenApiContact Contact = new() { Name = "Inbox Emulator", Url = new Uri("http://localhost:8080/swagger") };

    /// <summary>Registers the generator.</summary>
    public static IServiceCollection AddEmulatorSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(InboxDocument, new OpenApiInfo
            {
                Title = "Inbox API (v7) — emulated",
                Version = "v7",
                Contact = Contact,
                Description =
                    "The BotPenguin platform's Inbox API, also sold as Flowmatix, eleapi (express-chat) and Convertalk, " +
                    $"as served by Inbox Emulator. Development tenant: token `{DevelopmentTenant.Token}`, customerId " +
                    $"`{DevelopmentTenant.CustomerId}`, botId `{DevelopmentTenant.BotId}`. Errors use the platform's " +
                    "envelope: {\"success\": false, \"message\", \"data\": [one message per problem], \"code\"}. What the emulator " +
                    "holds and receives: the inspector, [/_emulator/ui](/_emulator/ui).",
            });
            options.SwaggerDoc(EmulatorDocument, new OpenApiInfo
            {
                Title = "Inbox Emulator control surface",
                Contact = Contact,
                Version = Health.HealthEndpoints.Version,
                Description = "The emulator's own endpoints under the reserved /_emulator prefix. What it holds and receives is "
                    + "also shown in a browser by the inspector: [/_emulator/ui](/_emulator/ui).",
            });
            options.DocInclusionPredicate((document, api) => api.GroupName == document);
            options.AddServer(new OpenApiServer { Url = "http://localhost:8080", Description = "Inbox Emulator (local)" });
            foreach (var (brand, url) in Brands)
            {
                options.AddServer(new OpenApiServer { Url = url, Description = $"{brand} (real platform)" });
            }

            options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "Authorization: Bearer <token>. The newer docs also send 'authtype: Key'; accepted on every endpoint.",
            });
            foreach (var header in Tenants.TokenHeader.All)
            {
                options.AddSecurityDefinition(header, new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = header,
                    Description = $"The API token in the '{header}' header, as the per-endpoint docs show.",
                });
            }

            options.AddSecurityDefinition(WhatsApp.WhatsAppKeyAuth.Scheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Query,
                Name = "apiKey",
                Description = "The WhatsApp bot's API key (help page \"WhatsApp Cloud API\"), for /whatsapp-automation/wa/*; the apiKey header " +
                    $"is accepted too. Development tenant: {DevelopmentTenant.WhatsAppApiKey}.",
            });
            options.CustomSchemaIds(SchemaIds.For);
            options.OperationFilter<InboxOperationFilter>();
            options.OperationFilter<ControlExamples>();
            options.SchemaFilter<ContractSchemaFilter>();
            options.SupportNonNullableReferenceTypes();
            // Beside Emulator.dll when built or published; a test project consuming the package may not copy it, and then
            // Swagger UI shows the endpoints without their XML descriptions rather than failing.
            if (Path.Combine(AppContext.BaseDirectory, "Emulator.xml") is var comments && File.Exists(comments))
            {
                options.IncludeXmlComments(comments);
            }
        });
        return services;
    }

    /// <summary>
    /// Serves the documents at <c>/swagger/{name}/swagger.json</c> and Swagger UI at <c>/swagger</c>, and redirects
    /// <c>GET /</c> there (302).
    /// </summary>
    public static WebApplication UseEmulatorSwagger(this WebApplication app)
    {
        // OpenAPI 3.1: nullable members are typed ["null", "string"], which JSON Schema validators read as is.
        app.UseSwagger(options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;

            // Swagger UI's "Try it out" calls the document's first server: the address this page was loaded from comes
            // first (another published port, --urls, a test fixture's free port), the fixed list after it. The committed
            // openapi/*.json files are generated without a request and keep the fixed list.
            options.PreSerializeFilters.Add((document, request) =>
            {
                var here = $"{request.Scheme}://{request.Host.Value}{request.PathBase}";
                var others = (document.Servers ?? []).Where(s => s.Description != ServedFrom && s.Url != here).ToList();
                document.Servers = [new OpenApiServer { Url = here, Description = ServedFrom }, .. others];
            });
        });
        app.UseSwaggerUI(ui =>
        {
            ui.SwaggerEndpoint($"/swagger/{InboxDocument}/swagger.json", "Inbox API (emulated)");
            ui.SwaggerEndpoint($"/swagger/{EmulatorDocument}/swagger.json", "Emulator control surface");
            ui.DocumentTitle = "Inbox Emulator";
        });

        // A person who opens the emulator's address in a browser lands on Swagger UI (README, "Swagger UI").
        app.MapGet("/", () => TypedResults.Redirect("/swagger")).ExcludeFromDescription();
        return app;
    }
}
