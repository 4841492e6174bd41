using Emulator.Common;

namespace Emulator.Tenants;

/// <summary>
/// Endpoint metadata naming the header an endpoint documents for its API token (<c>x-bp-token</c> on the
/// lead PUT, <c>x-bot-token</c> on the chats GET), or null for endpoints documented with Bearer only.
/// </summary>
/// <param name="Name">The header name, or null.</param>
public sealed record TokenHeader(string? Name)
{
    /// <summary>The lead PUT's header (help page "Website Contacts &amp; Meta Data": <c>x-bp-token*</c>).</summary>
    public const string Lead = "x-bp-token";

    /// <summary>The chats GET's header (help page "Website Contacts &amp; Meta Data": <c>x-bot-token*</c>).</summary>
    public const string Chats = "x-bot-token";

    /// <summary>Every per-endpoint header, to recognise a token sent under another endpoint's name.</summary>
    public static readonly IReadOnlyList<string> All = [Lead, Chats];
}

/// <summary>
/// Resolves the request's tenant from its API token before anything else runs. Accepts the endpoint's
/// documented header and <c>Authorization: Bearer &lt;token&gt;</c> (the newer docs' form, sent with
/// <c>authtype: Key</c>; README, "Pointing a client at the emulator"). Missing or unknown token: 401 in the envelope.
/// </summary>
public sealed class TenantAuthFilter(TenantDirectory tenants) : IEndpointFilter
{
    /// <summary>The <see cref="HttpContext.Items"/> key of the resolved tenant.</summary>
    public const string ItemKey = "Emulator.Tenant";

    /// <summary>The tenant resolved for this request.</summary>
    /// <exception cref="InvalidOperationException">The endpoint is not behind this filter.</exception>
    public static Tenant TenantOf(HttpContext context) =>
        context.Items[ItemKey] as Tenant ?? throw new InvalidOperationException("No tenant was resolved.");

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.GetEndpoint()?.Metadata.GetMetadata<TokenHeader>()?.Name;
        var token = FirstToken(http, header);
        if (token is null)
        {
            return Unauthorized(MissingTokenMessage(http, header));
        }

        var tenant = tenants.Find(token);
        if (tenant is null)
        {
            return Unauthorized("The API token is not valid.");
        }

        http.Items[ItemKey] = tenant;
        return await next(context);
    }

    /// <summary>The token of a request in any accepted form (every endpoint's header, or Bearer), or null: for the
    /// journal and faults, which run before the endpoint is known.</summary>
    public static string? AnyToken(HttpContext http) =>
        TokenHeader.All.Select(h => http.Request.Headers[h].ToString().Trim()).FirstOrDefault(v => v.Length > 0)
        ?? FirstToken(http, null);

    /// <summary>The WhatsApp bot's API key of a request: the <c>apiKey</c> query parameter, else header; or null
    /// (help page "WhatsApp Cloud API").</summary>
    public static string? AnyApiKey(HttpContext http) =>
        http.Request.Query["apiKey"].ToString() is { Length: > 0 } query ? query
        : http.Request.Headers["apiKey"].ToString() is { Length: > 0 } header ? header
        : null;

    private static string? FirstToken(HttpContext http, string? header)
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

    private static IResult Unauthorized(string problem) =>
        ApiResults.Error(StatusCodes.Status401Unauthorized, ApiResults.SummaryFor(401), [problem]);
}

/// <summary>Helpers for the 403 rule: a valid token used with another customer's <c>customerId</c>.</summary>
public static class TenantGuard
{
    /// <summary>
    /// 403 in the envelope when <paramref name="customerId"/> is not the tenant's own; null when it is.
    /// Checked before anything is read or written.
    /// </summary>
    public static IResult? Forbid(Tenant tenant, string customerId) =>
        string.Equals(tenant.CustomerId, customerId, StringComparison.Ordinal)
            ? null
            : ApiResults.Error(StatusCodes.Status403Forbidden, ApiResults.SummaryFor(403),
                [$"The API token does not belong to customer '{customerId}'."]);
}
