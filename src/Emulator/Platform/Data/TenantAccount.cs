using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Emulator.Data;

/// <summary>
/// A customer account created at run time through <c>POST /_emulator/tenants</c> (configured tenants and the development
/// tenant live in configuration, not here). Persisted in the <c>Tenants</c> table like any data.
/// </summary>
public sealed class TenantAccount
{
    /// <summary>The customer id (24 lowercase hex characters).</summary>
    public required string CustomerId { get; set; }

    /// <summary>The API token; unique across every tenant.</summary>
    public required string Token { get; set; }

    /// <summary>The agency id (<c>_agency</c>).</summary>
    public required string AgencyId { get; set; }

    /// <summary>The account's bot on the website widget.</summary>
    public required string WebsiteBotId { get; set; }

    /// <summary>The account's WhatsApp bot.</summary>
    public required string WhatsAppBotId { get; set; }

    /// <summary>The account's Telegram bot.</summary>
    public required string TelegramBotId { get; set; }

    /// <summary>The API key of the account's WhatsApp bot (<c>apiKey</c> of the WhatsApp Cloud API endpoints); null for
    /// tenants stored before WhatsApp sends were emulated.</summary>
    public string? WhatsAppApiKey { get; set; }

    /// <summary>The account's Facebook bot.</summary>
    public required string FacebookBotId { get; set; }

    /// <summary>When the account was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}

/// <summary>Table and keys of <see cref="TenantAccount"/>.</summary>
internal sealed class TenantAccountConfiguration : IEntityTypeConfiguration<TenantAccount>
{
    public void Configure(EntityTypeBuilder<TenantAccount> tenant)
    {
        tenant.ToTable("Tenants");
        tenant.HasKey(t => t.CustomerId);
        tenant.HasIndex(t => t.Token).IsUnique();

        // A WhatsApp apiKey names one tenant: a send authenticated by it must land in one account.
        tenant.HasIndex(t => t.WhatsAppApiKey).IsUnique();
    }
}
