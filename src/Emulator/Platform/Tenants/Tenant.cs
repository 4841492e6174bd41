using System.Collections.Concurrent;
using Emulator.Data;
using Microsoft.EntityFrameworkCore;

namespace Emulator.Tenants;

/// <summary>The customer account a request's API token belongs to; a handler parameter of this type gets the tenant the
/// request authenticated as (<see cref="InboxAuthentication"/>).</summary>
/// <param name="CustomerId">The account's customer id; every read and write is scoped by it.</param>
/// <param name="AgencyId">The account's agency id (<c>_agency</c>), or null.</param>
public sealed record Tenant(string CustomerId, string? AgencyId) : IBindableFromHttpContext<Tenant>
{
    /// <summary>The tenant of the request's credential, resolved once by its authentication scheme.</summary>
    /// <exception cref="InvalidOperationException">The endpoint is not behind <see cref="Common.InboxPipeline"/> (a programming error).</exception>
    public static ValueTask<Tenant?> BindAsync(HttpContext context, System.Reflection.ParameterInfo parameter) =>
        ValueTask.FromResult<Tenant?>(context.Features.Get<InboxAuthentication.Authenticated>()?.Tenant
            ?? throw new InvalidOperationException($"Parameter '{parameter.Name}' needs an authenticated tenant: map the endpoint in a group behind InboxPipeline."));
}

/// <summary>Where a tenant is defined.</summary>
public static class TenantSources
{
    /// <summary>The well-known development tenant.</summary>
    public const string Development = "development";

    /// <summary>An entry of <c>Emulator:Tenants</c>.</summary>
    public const string Configured = "configured";

    /// <summary>Created through <c>POST /_emulator/tenants</c> and stored in the database.</summary>
    public const string Runtime = "runtime";
}

/// <summary>One known tenant and its token.</summary>
/// <param name="Tenant">The account.</param>
/// <param name="Token">Its API token.</param>
/// <param name="Source">One of <see cref="TenantSources"/>.</param>
/// <param name="Bots">The account's bot id per channel (<see cref="Channels"/>); empty for configured tenants.</param>
/// <param name="CreatedAt">When a runtime tenant was created (UTC); null for the others.</param>
/// <param name="WhatsAppApiKey">The API key of the tenant's WhatsApp bot (<c>Bots["WHATSAPP"]</c>), or null.</param>
public sealed record TenantEntry(Tenant Tenant, string Token, string Source, IReadOnlyDictionary<string, string> Bots, DateTime? CreatedAt,
    string? WhatsAppApiKey = null);

/// <summary>
/// Looks up the tenant of an API token: the development tenant and <see cref="EmulatorOptions.Tenants"/> from
/// configuration, plus the runtime tenants stored in the database (loaded by <see cref="LoadAsync"/> at start-up and kept
/// in step by <see cref="TenantAdmin"/>). Thread-safe.
/// </summary>
public sealed class TenantDirectory
{
    private readonly ConcurrentDictionary<string, TenantEntry> _byToken = new(StringComparer.Ordinal);

    /// <summary>
    /// Builds the directory from the configured tenants and, when enabled, the development tenant. The entries were
    /// checked at start-up by <see cref="EmulatorOptionsValidator"/> (non-empty, no token twice).
    /// </summary>
    public TenantDirectory(Microsoft.Extensions.Options.IOptions<EmulatorOptions> options)
    {
        foreach (var t in options.Value.Tenants)
        {
            _byToken[t.Token] = new TenantEntry(new Tenant(t.CustomerId, t.AgencyId), t.Token, TenantSources.Configured,
                t.WhatsAppBotId is { Length: > 0 } bot ? new Dictionary<string, string> { [Channels.WhatsApp] = bot } : new Dictionary<string, string>(),
                null, string.IsNullOrEmpty(t.WhatsAppApiKey) ? null : t.WhatsAppApiKey);
        }

        if (options.Value.EnableDevelopmentTenant)
        {
            _byToken[DevelopmentTenant.Token] = new TenantEntry(
                new Tenant(DevelopmentTenant.CustomerId, DevelopmentTenant.AgencyId), DevelopmentTenant.Token, TenantSources.Development,
                new Dictionary<string, string> { [Channels.Website] = DevelopmentTenant.BotId, [Channels.WhatsApp] = DevelopmentTenant.WhatsAppBotId },
                null, DevelopmentTenant.WhatsAppApiKey);
        }
    }

    /// <summary>The tenant of <paramref name="token"/>, or null when the token is unknown.</summary>
    public Tenant? Find(string token) => _byToken.GetValueOrDefault(token)?.Tenant;

    /// <summary>The tenant whose WhatsApp bot has API key <paramref name="apiKey"/>, or null.</summary>
    public TenantEntry? FindByWhatsAppApiKey(string apiKey) =>
        _byToken.Values.FirstOrDefault(e => e.WhatsAppApiKey is not null && string.Equals(e.WhatsAppApiKey, apiKey, StringComparison.Ordinal));

    /// <summary>The tenant of the token a request carries in any accepted form, else of its WhatsApp <c>apiKey</c>, or null:
    /// for the journal, faults and the rate limit, which run before the endpoint is known.</summary>
    public Tenant? FindInRequest(HttpContext context) => CredentialInRequest(context)?.Tenant;

    /// <summary>As <see cref="FindInRequest"/>, with the credential that named the tenant (<c>token:…</c> or
    /// <c>apiKey:…</c>): the rate limit's partition.</summary>
    /// <remarks>Resolved on first use and kept with the request, so the journal, faults and rate limit look it up once.</remarks>
    public (Tenant Tenant, string Credential)? CredentialInRequest(HttpContext context)
    {
        if (context.Features.Get<Attribution>() is { } known)
        {
            return known.Found;
        }

        (Tenant, string)? found = InboxAuthentication.AnyToken(context) is { } token && Find(token) is { } tenant ? (tenant, "token:" + token)
            : InboxAuthentication.AnyApiKey(context) is { } key && FindByWhatsAppApiKey(key) is { } entry ? (entry.Tenant, "apiKey:" + key)
            : null;
        context.Features.Set(new Attribution(found));
        return found;
    }

    private sealed record Attribution((Tenant Tenant, string Credential)? Found);

    /// <summary>Every known tenant, development first, then configured, then runtime by creation.</summary>
    public IReadOnlyList<TenantEntry> All() =>
        _byToken.Values.OrderBy(e => e.Source switch { TenantSources.Development => 0, TenantSources.Configured => 1, _ => 2 })
            .ThenBy(e => e.CreatedAt).ThenBy(e => e.Tenant.CustomerId, StringComparer.Ordinal).ToList();

    /// <summary>The entries of <paramref name="customerId"/> (several configured tokens may share one account).</summary>
    public IReadOnlyList<TenantEntry> OfCustomer(string customerId) =>
        _byToken.Values.Where(e => e.Tenant.CustomerId == customerId).ToList();

    /// <summary>The WhatsApp bot of <paramref name="customerId"/>'s account, or null when it has none.</summary>
    public string? WhatsAppBotOf(string customerId) =>
        OfCustomer(customerId).Select(e => e.Bots.GetValueOrDefault(Channels.WhatsApp)).OfType<string>().FirstOrDefault();

    /// <summary>True when <paramref name="apiKey"/> is the WhatsApp apiKey of any tenant.</summary>
    public bool HasWhatsAppApiKey(string apiKey) => FindByWhatsAppApiKey(apiKey) is not null;

    /// <summary>True when <paramref name="token"/> belongs to any tenant.</summary>
    public bool HasToken(string token) => _byToken.ContainsKey(token);

    /// <summary>Adds the runtime tenants stored in the database. Called once at start-up, after migrations.</summary>
    /// <exception cref="EmulatorStartupException">A stored tenant's token, customer id or WhatsApp apiKey is also configured.</exception>
    public async Task LoadAsync(EmulatorDbContext db, CancellationToken cancellationToken)
    {
        // Most files hold no runtime tenant: a plain SQL check spares the start EF Core's first query compilation
        // (about 100 ms of a cold process), which the first request that queries pays instead.
        if (!await db.HasRowsAsync<TenantAccount>(cancellationToken))
        {
            return;
        }

        foreach (var account in await db.Tenants.AsNoTracking().ToListAsync(cancellationToken))
        {
            // A token or customer id configured after a runtime tenant took it would make one token mean two accounts.
            if (HasToken(account.Token) || Clashes(account))
            {
                throw new EmulatorStartupException(
                    $"The runtime tenant '{account.CustomerId}' stored in the database has the token, customer id or WhatsApp apiKey of a " +
                    "configured tenant (Emulator:Tenants or the development tenant). Remove that entry from the settings, or start on another database file.");
            }

            Add(account);
        }
    }

    /// <summary>Makes a stored runtime tenant known (after its row is committed).</summary>
    internal void Add(TenantAccount account) =>
        _byToken[account.Token] = new TenantEntry(new Tenant(account.CustomerId, account.AgencyId), account.Token, TenantSources.Runtime,
            new Dictionary<string, string>
            {
                [Channels.Website] = account.WebsiteBotId,
                [Channels.WhatsApp] = account.WhatsAppBotId,
                [Channels.Telegram] = account.TelegramBotId,
                [Channels.Facebook] = account.FacebookBotId,
            },
            account.CreatedAt,
            account.WhatsAppApiKey);

    /// <summary>Makes <paramref name="accounts"/> the runtime tenants (a restored snapshot's): each is added or replaced first,
    /// then runtime tenants not among them are forgotten, so a token both sets hold answers throughout. An account that clashes
    /// with a configured tenant (token, customer id or WhatsApp apiKey) is left out; at start-up it stops the start.</summary>
    internal void ReplaceRuntime(IReadOnlyList<TenantAccount> accounts)
    {
        var kept = accounts.Where(a => !Clashes(a)).ToList();
        kept.ForEach(Add);
        var tokens = kept.Select(a => a.Token).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in _byToken.Values.Where(e => e.Source == TenantSources.Runtime && !tokens.Contains(e.Token)))
        {
            _byToken.TryRemove(entry.Token, out _);
        }
    }

    // A runtime account that shares its token, customer id or WhatsApp apiKey with a configured or development tenant.
    private bool Clashes(TenantAccount account) =>
        _byToken.Values.Any(e => e.Source != TenantSources.Runtime && (e.Token == account.Token || e.Tenant.CustomerId == account.CustomerId
            || (account.WhatsAppApiKey is not null && e.WhatsAppApiKey == account.WhatsAppApiKey)));

    /// <summary>Forgets runtime tenants: one account's, or every one when <paramref name="customerId"/> is null.</summary>
    internal void RemoveRuntime(string? customerId)
    {
        foreach (var entry in _byToken.Values.Where(e => e.Source == TenantSources.Runtime && (customerId is null || e.Tenant.CustomerId == customerId)))
        {
            _byToken.TryRemove(entry.Token, out _);
        }
    }
}
