namespace Emulator;

/// <summary>
/// The emulator's settings, bound from the <c>Emulator</c> configuration section (environment variables
/// <c>Emulator__PageSize</c>, <c>Emulator__Tenants__0__Token</c>, …). Defaults are those in this class.
/// </summary>
public sealed class EmulatorOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Emulator";

    /// <summary>Items per page of <c>GET /inbox/direct/chats</c> and <c>POST /inbox/users</c>; default 20 (1–500).</summary>
    public int PageSize { get; set; } = 20;

    /// <summary>Largest accepted request body, in bytes; default 1 MiB. Larger bodies get 413.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>SQLite busy timeout in milliseconds: how long a write waits for another writer; default 5000.</summary>
    public int BusyTimeoutMs { get; set; } = 5000;

    /// <summary>Whether the well-known development tenant (<see cref="DevelopmentTenant"/>) is accepted; default true.</summary>
    public bool EnableDevelopmentTenant { get; set; } = true;

    /// <summary>API tokens and the customer account each belongs to, in addition to the development tenant.</summary>
    public List<TenantOptions> Tenants { get; set; } = [];

    /// <summary>
    /// Key the control surface (<c>/_emulator</c>, except health and readiness) requires in the
    /// <c>x-emulator-admin-key</c> header; null or empty (the default) leaves it open.
    /// </summary>
    public string? AdminKey { get; set; }

    /// <summary>How many requests the request journal keeps (oldest dropped first); default 1000, 0 records none (0–1,000,000).</summary>
    public int JournalCapacity { get; set; } = 1000;

    /// <summary>How much of each request and response body the journal keeps, in bytes; default 65,536.</summary>
    public int JournalBodyBytes { get; set; } = 64 * 1024;

    /// <summary>A seed document (README, "Testing with the emulator") loaded at start-up, before readiness; null for none.
    /// Loaded on every start: documents with fixed ids replace the records they name.</summary>
    public string? SeedFile { get; set; }

    /// <summary>Attempts per webhook delivery before it is given up (1–10); default 4.</summary>
    public int WebhookMaxAttempts { get; set; } = 4;

    /// <summary>Wait before the first retry of a webhook delivery, in ms, doubled at each further retry; default 500.</summary>
    public int WebhookRetryBaseMs { get; set; } = 500;

    /// <summary>How long a webhook receiver has to answer one attempt, in ms; default 5000.</summary>
    public int WebhookTimeoutMs { get; set; } = 5000;

    /// <summary>Folder of the named snapshots (<c>/_emulator/snapshots</c>); default: <c>snapshots</c> beside the database file.</summary>
    public string? SnapshotFolder { get; set; }

    /// <summary>Makes generated ids repeatable: with the same seed and the same requests in the same order, the same ids
    /// come out. Null (the default) draws them at random.</summary>
    public int? IdSeed { get; set; }

    /// <summary>Per-token rate limit of the emulated API: requests allowed per <see cref="RateLimitWindowMs"/>; 0 (the
    /// default) is no limit. Over the limit: 429 in the platform's envelope with <c>Retry-After</c>.</summary>
    public int RateLimitPermits { get; set; }

    /// <summary>The rate limit's fixed window, in ms; default 1000.</summary>
    public int RateLimitWindowMs { get; set; } = 1000;
}

/// <summary>One configured API token. On the real platform a token is issued per customer account.</summary>
public sealed class TenantOptions
{
    /// <summary>The API token clients send (in <c>x-bp-token</c>, <c>x-bot-token</c> or <c>Authorization: Bearer</c>).</summary>
    public string Token { get; set; } = "";

    /// <summary>The customer account the token belongs to (<c>customerId</c>, <c>_customer</c>).</summary>
    public string CustomerId { get; set; } = "";

    /// <summary>The account's agency id (<c>_agency</c> on contacts); null when not set.</summary>
    public string? AgencyId { get; set; }

    /// <summary>The account's WhatsApp bot (needed with <see cref="WhatsAppApiKey"/>).</summary>
    public string? WhatsAppBotId { get; set; }

    /// <summary>The API key of that WhatsApp bot, for <c>/whatsapp-automation/wa/…</c> (README, "WhatsApp and the custom-app API").</summary>
    public string? WhatsAppApiKey { get; set; }
}

/// <summary>
/// The well-known development tenant, on by default (like Azurite's <c>devstoreaccount1</c>), so that the
/// README's curl examples work on a fresh start. Switch it off with <c>Emulator__EnableDevelopmentTenant=false</c>.
/// </summary>
public static class DevelopmentTenant
{
    /// <summary>
    /// The development API token: fixed, and shaped like the platform's (about 270 characters ending with
    /// <c>_&lt;customerId&gt;_c</c>), because real clients refuse tokens of 20 characters or fewer before sending
    /// anything (README, "Development tenant").
    /// </summary>
    public const string Token =
        "InboxEmulatorDevgBPS8LiaC3dmHF90mrS3xoE9iSrCzILXCTrRJcML22KyUH8pWpw1d2ItXGzsg5dvfYyDHIf6Xp"
        + "LUFOpxJJhBnLnEOLKEwGmm7sZWsvG8M4XXTPZ9Xl9zkdK3B1httQ9uDBKWGn3Z9hFHH8kEIOZ8jlvgXDeBZUthQkce"
        + "NQ0dF4zbZhnlqAQehYIn4VrS3geK6bm3Gpcfl3YntMNg894UV3E9ymksbJ67NCB_64b7f0c2a1d3e4f5a6b7c8d9_c";

    /// <summary>The development customer id (24 hex characters, as real ids are).</summary>
    public const string CustomerId = "64b7f0c2a1d3e4f5a6b7c8d9";

    /// <summary>A bot id to use with the development tenant. Any bot id is accepted; this one is in the README.</summary>
    public const string BotId = "64b7f0c2a1d3e4f5a6b7c8da";

    /// <summary>The development tenant's agency id.</summary>
    public const string AgencyId = "64b7f0c2a1d3e4f5a6b7c8db";

    /// <summary>The development tenant's WhatsApp bot.</summary>
    public const string WhatsAppBotId = "64b7f0c2a1d3e4f5a6b7c8dc";

    /// <summary>The API key of the development tenant's WhatsApp bot (the <c>apiKey</c> of the WhatsApp Cloud API endpoints).</summary>
    public const string WhatsAppApiKey = "InboxEmulatorDevWhatsAppKey64b7f0c2a1d3e4f5a6b7c8dc";
}

/// <summary>
/// Checks <see cref="EmulatorOptions"/> at start-up (<c>ValidateOnStart</c>), so a misconfiguration stops the emulator
/// with a message naming the offending entry instead of failing requests later: the ranges of the numeric settings,
/// and every tenant entry (a token and a customer id, no token configured twice, none equal to the development
/// tenant's while it is on).
/// </summary>
public sealed class EmulatorOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<EmulatorOptions>
{
    /// <inheritdoc />
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, EmulatorOptions options)
    {
        var problems = new List<string>();
        if (options.PageSize is < 1 or > 500)
        {
            problems.Add($"Emulator:PageSize must be from 1 to 500 (it is {options.PageSize}).");
        }

        if (options.MaxBodyBytes < 1024)
        {
            problems.Add($"Emulator:MaxBodyBytes must be at least 1024 (it is {options.MaxBodyBytes}).");
        }

        if (options.BusyTimeoutMs < 0)
        {
            problems.Add($"Emulator:BusyTimeoutMs must not be negative (it is {options.BusyTimeoutMs}).");
        }

        if (options.JournalCapacity is < 0 or > 1_000_000)
        {
            problems.Add($"Emulator:JournalCapacity must be from 0 to 1000000 (it is {options.JournalCapacity}).");
        }

        if (options.JournalBodyBytes is < 0 or > 16 * 1024 * 1024)
        {
            problems.Add($"Emulator:JournalBodyBytes must be from 0 to 16777216 (it is {options.JournalBodyBytes}).");
        }

        if (options.RateLimitPermits < 0 || options.RateLimitWindowMs is < 1 or > 3_600_000)
        {
            problems.Add("Emulator:RateLimitPermits must not be negative and Emulator:RateLimitWindowMs must be from 1 to 3600000 " +
                $"(they are {options.RateLimitPermits} and {options.RateLimitWindowMs}).");
        }

        if (options.WebhookMaxAttempts is < 1 or > 10 || options.WebhookRetryBaseMs is < 0 or > 60_000 || options.WebhookTimeoutMs is < 100 or > 120_000)
        {
            problems.Add("Emulator:WebhookMaxAttempts must be from 1 to 10, Emulator:WebhookRetryBaseMs from 0 to 60000 and " +
                $"Emulator:WebhookTimeoutMs from 100 to 120000 (they are {options.WebhookMaxAttempts}, {options.WebhookRetryBaseMs}, {options.WebhookTimeoutMs}).");
        }

        if (!string.IsNullOrEmpty(options.SeedFile) && !File.Exists(options.SeedFile))
        {
            problems.Add($"Emulator:SeedFile '{options.SeedFile}' does not exist.");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < options.Tenants.Count; i++)
        {
            var tenant = options.Tenants[i];
            var entry = $"Emulator:Tenants:{i}";
            if (string.IsNullOrWhiteSpace(tenant.Token))
            {
                problems.Add($"{entry}:Token is empty: every tenant needs a token.");
            }
            else if (options.EnableDevelopmentTenant && tenant.Token == DevelopmentTenant.Token)
            {
                problems.Add($"{entry}:Token is the development tenant's token: choose another, or set Emulator:EnableDevelopmentTenant=false.");
            }
            else if (seen.TryGetValue(tenant.Token, out var first))
            {
                problems.Add($"{entry}:Token is the same as Emulator:Tenants:{first}:Token: each token belongs to one tenant.");
            }
            else
            {
                seen[tenant.Token] = i;
            }

            if (!string.IsNullOrEmpty(tenant.WhatsAppApiKey) && string.IsNullOrEmpty(tenant.WhatsAppBotId))
            {
                problems.Add($"{entry}:WhatsAppApiKey needs {entry}:WhatsAppBotId: the key belongs to a WhatsApp bot.");
            }

            if (string.IsNullOrWhiteSpace(tenant.CustomerId))
            {
                problems.Add($"{entry}:CustomerId is empty: every tenant needs the customer account its token belongs to.");
            }

            if (string.IsNullOrEmpty(tenant.WhatsAppApiKey))
            {
                continue;
            }

            if (options.EnableDevelopmentTenant && tenant.WhatsAppApiKey == DevelopmentTenant.WhatsAppApiKey)
            {
                problems.Add($"{entry}:WhatsAppApiKey is the development tenant's WhatsApp apiKey: each key names one tenant.");
            }
            else if (keys.TryGetValue(tenant.WhatsAppApiKey, out var firstKey))
            {
                problems.Add($"{entry}:WhatsAppApiKey is the same as Emulator:Tenants:{firstKey}:WhatsAppApiKey: each key names one tenant.");
            }
            else
            {
                keys[tenant.WhatsAppApiKey] = i;
            }
        }

        return problems.Count == 0
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Success
            : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(problems);
    }
}
