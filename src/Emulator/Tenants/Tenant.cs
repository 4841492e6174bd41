namespace Emulator.Tenants;

/// <summary>The customer account a request's API token belongs to.</summary>
/// <param name="CustomerId">The account's customer id; every read and write is scoped by it.</param>
/// <param name="AgencyId">The account's agency id (<c>_agency</c>), or null.</param>
public sealed record Tenant(string CustomerId, string? AgencyId);

/// <summary>Looks up the tenant of an API token, from <see cref="EmulatorOptions"/>.</summary>
public sealed class TenantDirectory
{
    private readonly Dictionary<string, Tenant> _byToken = new(StringComparer.Ordinal);

    /// <summary>Builds the directory from the configured tenants and, when enabled, the development tenant.</summary>
    /// <exception cref="InvalidOperationException">A token is empty, has no customer id, or is configured twice.</exception>
    public TenantDirectory(Microsoft.Extensions.Options.IOptions<EmulatorOptions> options)
    {
        var configured = options.Value.Tenants.ToList();
        if (options.Value.EnableDevelopmentTenant)
        {
            configured.Add(new TenantOptions
            {
                Token = DevelopmentTenant.Token,
                CustomerId = DevelopmentTenant.CustomerId,
                AgencyId = DevelopmentTenant.AgencyId,
            });
        }

        foreach (var t in configured)
        {
            if (string.IsNullOrWhiteSpace(t.Token) || string.IsNullOrWhiteSpace(t.CustomerId))
            {
                throw new InvalidOperationException("Every Emulator:Tenants entry needs a Token and a CustomerId.");
            }

            if (!_byToken.TryAdd(t.Token, new Tenant(t.CustomerId, t.AgencyId)))
            {
                throw new InvalidOperationException($"The token of customer {t.CustomerId} is configured twice.");
            }
        }
    }

    /// <summary>The tenant of <paramref name="token"/>, or null when the token is unknown.</summary>
    public Tenant? Find(string token) => _byToken.GetValueOrDefault(token);
}
