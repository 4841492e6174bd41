using Emulator.State;
using Microsoft.Extensions.Logging;

namespace Emulator.Testing;

/// <summary>
/// How <see cref="InboxEmulator.StartAsync"/> starts an emulator. Everything the emulator's configuration covers can be
/// set; every member is optional.
/// </summary>
public sealed class InboxEmulatorOptions
{
    /// <summary>A SQLite file to keep the data in (created if missing, kept after dispose). Null (the default): a private
    /// in-memory database, gone on dispose.</summary>
    public string? DatabasePath { get; set; }

    /// <summary><c>Emulator:AdminKey</c>: when set, the control surface needs it (the <see cref="InboxEmulator.Control"/> client sends it).</summary>
    public string? AdminKey { get; set; }

    /// <summary><c>Emulator:PageSize</c>: items per page of the listings (1–500; default 20).</summary>
    public int? PageSize { get; set; }

    /// <summary>A seed document loaded before the emulator is ready (as <c>Emulator:SeedFile</c> would be).</summary>
    public SeedDocument? Seed { get; set; }

    /// <summary><c>Emulator:RateLimitPermits</c>: requests per token per window (0, the default: no limit).</summary>
    public int? RateLimitPermits { get; set; }

    /// <summary><c>Emulator:RateLimitWindowMs</c>: the rate limit's window in ms (default 1000).</summary>
    public int? RateLimitWindowMs { get; set; }

    /// <summary><c>Emulator:IdSeed</c>: makes generated ids repeatable.</summary>
    public int? IdSeed { get; set; }

    /// <summary><c>Emulator:JournalCapacity</c>: how many requests the journal keeps (default 1000).</summary>
    public int? JournalCapacity { get; set; }

    /// <summary>The least severe log level written (default <see cref="LogLevel.Warning"/>, so test output stays quiet).</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;

    /// <summary>Where the emulator's logs go, in addition to nothing (e.g. a provider writing to xunit's test output); null: nowhere.</summary>
    public ILoggerProvider? LoggerProvider { get; set; }

    /// <summary>Any other configuration key (<c>Emulator:Tenants:0:Token</c>, <c>Emulator:MaxBodyBytes</c>, …); applied last.</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();
}

/// <summary>A tenant (customer account) of the emulator and what a client needs to act as it.</summary>
/// <param name="CustomerId">The customer id (<c>customerId</c> in requests).</param>
/// <param name="Token">The API token (<c>Authorization: Bearer</c>, <c>x-bp-token</c> or <c>x-bot-token</c>).</param>
/// <param name="BotId">The website bot's id (the lead PUT's and the chats listing's <c>botId</c>).</param>
/// <param name="AgencyId">The agency id, when known.</param>
/// <param name="Bots">Bot id by channel (<c>WEBSITE</c>, <c>WHATSAPP</c>, <c>TELEGRAM</c>, <c>FACEBOOK</c>).</param>
/// <param name="WhatsAppApiKey">The <c>apiKey</c> of the WhatsApp bot (<c>Bots["WHATSAPP"]</c>) for the WhatsApp sends, when it has one.</param>
public sealed record EmulatorTenant(string CustomerId, string Token, string BotId, string? AgencyId, IReadOnlyDictionary<string, string> Bots,
    string? WhatsAppApiKey = null);
