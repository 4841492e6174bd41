using System.Security.Claims;
using System.Text.Encodings.Web;
using Emulator.Common;
using Emulator.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Emulator.Tenants;

/// <summary>
/// The emulated surface's two credentials as ASP.NET Core authentication schemes, each with a policy of the same name
/// that a route group requires (<see cref="Common.InboxPipeline"/>):
/// <list type="bullet">
/// <item><see cref="ApiToken"/>: the customer's API token, in the endpoint's documented header (<see cref="TokenHeader"/>)
/// or as <c>Authorization: Bearer &lt;token&gt;</c> (sent with <c>authtype: Key</c>; README, "Pointing a client at the
/// emulator").</item>
/// <item><see cref="WhatsAppKey"/>: a WhatsApp bot's API key, as the <c>apiKey</c> query parameter or header (help page
/// "WhatsApp Cloud API").</item>
/// </list>
/// A request without a valid credential gets 401 in the platform's envelope, saying what was missing or wrong, before
/// its body is read. A valid one makes the tenant (and the WhatsApp bot) available as handler parameters
/// (<see cref="Tenant"/>, <see cref="WhatsApp.WhatsAppBot"/>).
/// </summary>
public static class InboxAuthentication
{
    /// <summary>Scheme and policy of the API token.</summary>
    public const string ApiToken = "InboxApiToken";

    /// <summary>Scheme and policy of the WhatsApp bot's <c>apiKey</c>.</summary>
    public const string WhatsAppKey = "WhatsAppApiKey";

    /// <summary>Registers both schemes and their policies.</summary>
    public static IServiceCollection AddInboxAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiToken, null)
            .AddScheme<AuthenticationSchemeOptions, WhatsAppKeyHandler>(WhatsAppKey, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiToken, p => p.AddAuthenticationSchemes(ApiToken).RequireAuthenticatedUser())
            .AddPolicy(WhatsAppKey, p => p.AddAuthenticationSchemes(WhatsAppKey).RequireAuthenticatedUser());
        return services;
    }

    /// <summary>The token of a request in any accepted form (every endpoint's header, or Bearer), or null: for the
    /// journal, faults and rate limit, which attribute a request whatever its endpoint.</summary>
    public static string? AnyToken(HttpContext http) =>
        TokenHeader.All.Select(h => http.Request.Headers[h].ToString().Trim()).FirstOrDefault(v => v.Length > 0)
        ?? TokenFor(http, null);

    /// <summary>The WhatsApp bot's API key of a request: the <c>apiKey</c> query parameter, else header; or null.</summary>
    public static string? AnyApiKey(HttpContext http) =>
        http.Request.Query["apiKey"].ToString() is { Length: > 0 } query ? query
        : http.Request.Headers["apiKey"].ToString() is { Length: > 0 } header ? header
        : null;

    // The token under the endpoint's documented header, else Bearer.
    private static string? TokenFor(HttpContext http, string? header)
    {
        if (header is not null && http.Request.Headers[header].ToString() is { Length: > 0 } value)
        {
            return value.Trim();
        }

        var authorization = http.Request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) && authorization.Length > bearer.Length
            ? authorization[bearer.Length..].Trim()
            : null;
    }

    private static string MissingTokenMessage(HttpContext http, string? header)
    {
        var expected = header is null
            ? "Send the API token as 'Authorization: Bearer <token>'."
            : $"Send the API token in the '{header}' header or as 'Authorization: Bearer <token>'.";
        var misplaced = TokenHeader.All.FirstOrDefault(h => h != header && http.Request.Headers.ContainsKey(h));
        return misplaced is null
            ? $"No API token. {expected}"
            : $"No API token: this endpoint does not read the '{misplaced}' header. {expected}";
    }

    /// <summary>The tenant the request authenticated as, or null when its endpoint needs no credential.</summary>
    public static Tenant? TenantOf(HttpContext http) => http.Features.Get<Authenticated>()?.Tenant;

    /// <summary>What a scheme found: the tenant, and for the WhatsApp key the bot it names.</summary>
    internal sealed record Authenticated(TenantEntry? Entry, Tenant Tenant, string? WhatsAppBotId);

    /// <summary>The common part: a principal for the tenant, and the 401 envelope as the challenge.</summary>
    private abstract class InboxHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected AuthenticateResult Success(Authenticated found)
        {
            Context.Features.Set(found);
            var identity = new ClaimsIdentity([new Claim("customerId", found.Tenant.CustomerId)], Scheme.Name);
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
        }

        protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            var result = await HandleAuthenticateOnceSafeAsync();
            var problem = result.Failure?.Message ?? "The credentials are not valid.";
            await ApiResults.Error(StatusCodes.Status401Unauthorized, ApiResults.SummaryFor(401), [problem]).ExecuteAsync(Context);
        }
    }

    private sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TenantDirectory tenants)
        : InboxHandler(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var header = Context.GetEndpoint()?.Metadata.GetMetadata<TokenHeader>()?.Name;
            var result = TokenFor(Context, header) switch
            {
                null => AuthenticateResult.Fail(MissingTokenMessage(Context, header)),
                var token when tenants.Find(token) is { } tenant => Success(new Authenticated(null, tenant, null)),
                _ => AuthenticateResult.Fail("The API token is not valid."),
            };
            return Task.FromResult(result);
        }
    }

    private sealed class WhatsAppKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
        TenantDirectory tenants) : InboxHandler(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var result = AnyApiKey(Context) switch
            {
                null => AuthenticateResult.Fail("No API key: send the WhatsApp bot's key as the apiKey query parameter or header."),
                var key when tenants.FindByWhatsAppApiKey(key) is { } entry && entry.Bots.GetValueOrDefault(Channels.WhatsApp) is { } botId =>
                    Success(new Authenticated(entry, entry.Tenant, botId)),
                _ => AuthenticateResult.Fail("The API key is not valid."),
            };
            return Task.FromResult(result);
        }
    }
}
