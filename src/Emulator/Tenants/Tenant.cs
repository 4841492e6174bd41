namespace Emulator.Tenants;

/// <summary>The customer account a request's API token belongs to.</summary>
/// <param name="CustomerId">The account's customer id; every read and write is scoped by it.</param>
/// <param name="AgencyId">The account's agency id (<c>_agency</c>), or null.</param>
public sealed record Tenant(string CustomerId, string? AgencyId);

/// <summary>Looks up the tenant of an API token, from <see cref="EmulatorOptions"/>.</summary>
public sealed class TenantDirectory
{
    private readonly Dictionary<string, Tenant> _byToken = new(StringComparer.Ordinal);

    /// <summary>
    /// Builds the directory from the configured tenants and, when enabled, the development tenant. The entries were
    /// checked at start-up by <see cref="EmulatorOptionsValidator"/> (non-empty, no token twice).
    /// </summary>
    public TenantDirectory(Microsoft.Extensions.Options.IOptions<EmulatorOptions> options)
    {
        foreach (var t in options.Value.Tenants)
        {
            _byToken[t.Token] = new Tenant(t.CustomerId, t.AgencyId);
        }

        if (options.Value.EnableDevelopmentTenant)
        {
            _byToken[DevelopmentTenant.Token] = new Tenant(DevelopmentTenant.CustomerId, DevelopmentTenant.AgencyId);
        }
    }

    /// <summary>The tenant of <paramref name="token"/>, or null when the token is unknown.</summary>
    public Tenant? Find(string token) => _byToken.GetValueOrDefault(token);
}
