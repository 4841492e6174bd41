using Emulator.Common;
using System.Text.RegularExpressions;
using Emulator.Data;
using FluentValidation;

namespace Emulator.Tenants;

/// <summary><c>/_emulator/tenants</c>: create, list and remove customer accounts at run time.</summary>
public static class TenantEndpoints
{
    /// <summary>Maps the tenant endpoints on the control surface group.</summary>
    public static RouteGroupBuilder MapTenantApi(this RouteGroupBuilder emulator)
    {
        var tenants = emulator.MapGroup("/tenants").WithTags("Tenants");
        tenants.MapPost("/", async Task<IResult> (TenantCreate? body, TenantAdmin admin, CancellationToken cancellationToken) =>
            {
                var (created, conflict) = await admin.CreateAsync(body ?? new TenantCreate(null, null, null, null), cancellationToken);
                return created is null
                    ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Tenant exists", detail: conflict)
                    : TypedResults.Created($"/_emulator/tenants/{created.Tenant.CustomerId}", TenantWire.From(created));
            })
            .WithName("CreateTenant")
            .WithSummary("Create a customer account with its own token and bots")
            .WithDescription("Every member is optional: a fresh 24-hex customerId and agencyId, a platform-shaped token and a bot per " +
                "channel are generated for what is left out. A test that creates its own tenant sees no other test's data.")
            .Produces<TenantWire>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        tenants.MapGet("/", (TenantDirectory directory) => TypedResults.Ok(directory.All().Select(TenantWire.From).ToList()))
            .WithName("ListTenants")
            .WithSummary("Every tenant: the development tenant, configured ones and runtime ones")
            .WithDescription("Tokens are shown: the control surface is for the tester (set Emulator:AdminKey when others can reach it).");
        tenants.MapDelete("/{customerId}", async Task<IResult> (string customerId, TenantAdmin admin, CancellationToken cancellationToken) =>
                await admin.DeleteAsync(customerId, cancellationToken) switch
                {
                    TenantAdmin.Removal.Deleted => TypedResults.NoContent(),
                    TenantAdmin.Removal.Configured => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Tenant is configured",
                        detail: $"Customer '{customerId}' is defined by the emulator's settings, not at run time; " +
                            $"POST /_emulator/reset?customerId={customerId} empties its data."),
                    _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such tenant",
                        detail: $"No runtime tenant has customerId '{customerId}'."),
                })
            .WithName("DeleteTenant")
            .WithSummary("Remove a runtime tenant and all its data")
            .WithDescription("Its token stops working at once. Configured tenants and the development tenant cannot be removed (409).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return emulator;
    }
}

/// <summary>Body of <c>POST /_emulator/tenants</c>; every member optional.</summary>
/// <param name="CustomerId">The customer id to use (24 lowercase hex characters).</param>
/// <param name="AgencyId">The agency id to use (24 lowercase hex characters).</param>
/// <param name="Token">The API token to use (21 to 1024 visible ASCII characters; real clients refuse 20 or fewer).</param>
/// <param name="Bots">Bot ids to use, by channel (<c>WEBSITE</c>, <c>WHATSAPP</c>, <c>TELEGRAM</c>, <c>FACEBOOK</c>; any case).</param>
/// <param name="WhatsAppApiKey">The API key of the WhatsApp bot (21 to 256 visible ASCII characters); generated when left out.</param>
public sealed record TenantCreate(string? CustomerId, string? AgencyId, string? Token, Dictionary<string, string>? Bots, string? WhatsAppApiKey = null);

/// <summary>A tenant as the control surface shows it.</summary>
/// <param name="CustomerId">The customer id.</param>
/// <param name="AgencyId">The agency id, when known.</param>
/// <param name="Token">The API token.</param>
/// <param name="BotId">The website bot's id (the one the lead PUT and the chats listing use), when known.</param>
/// <param name="Bots">Bot id by channel.</param>
/// <param name="Source"><c>development</c>, <c>configured</c> or <c>runtime</c>.</param>
/// <param name="WhatsAppApiKey">The API key of the WhatsApp bot (<c>bots.WHATSAPP</c>), when it has one.</param>
public sealed record TenantWire(string CustomerId, string? AgencyId, string Token, string? BotId, IReadOnlyDictionary<string, string> Bots, string Source,
    string? WhatsAppApiKey)
{
    /// <summary>Maps a directory entry.</summary>
    public static TenantWire From(TenantEntry entry) =>
        new(entry.Tenant.CustomerId, entry.Tenant.AgencyId, entry.Token, entry.Bots.GetValueOrDefault(Channels.Website), entry.Bots, entry.Source,
            entry.WhatsAppApiKey);
}

/// <summary>Checks <see cref="TenantCreate"/>.</summary>
public sealed partial class TenantCreateValidator : WireValidator<TenantCreate>
{
    /// <summary>Creates the rules.</summary>
    public TenantCreateValidator()
    {
        RuleFor(t => t.CustomerId).Must(IsObjectId!).When(t => t.CustomerId is not null)
            .WithMessage("customerId must be 24 lowercase hex characters.");
        RuleFor(t => t.AgencyId).Must(IsObjectId!).When(t => t.AgencyId is not null)
            .WithMessage("agencyId must be 24 lowercase hex characters.");
        RuleFor(t => t.Token).Must(t => t!.Length is > 20 and <= 1024 && t.All(c => c is > ' ' and <= '~')).When(t => t.Token is not null)
            .WithMessage("token must be 21 to 1024 visible ASCII characters (real clients refuse tokens of 20 or fewer).");
        RuleFor(t => t.WhatsAppApiKey).Must(k => k!.Length is > 20 and <= 256 && k.All(c => c is > ' ' and <= '~')).When(t => t.WhatsAppApiKey is not null)
            .WithMessage("whatsAppApiKey must be 21 to 256 visible ASCII characters.");
        RuleForEach(t => t.Bots).Must(b => Channels.All.Contains(b.Key.ToUpperInvariant()) && b.Value is { Length: > 0 and <= 64 }).When(t => t.Bots is not null)
            .WithMessage($"bots: keys must be {string.Join(", ", Channels.All)} and ids 1 to 64 characters.");
    }

    private static bool IsObjectId(string value) => ObjectId().IsMatch(value);

    [GeneratedRegex("^[0-9a-f]{24}$")]
    private static partial Regex ObjectId();
}
