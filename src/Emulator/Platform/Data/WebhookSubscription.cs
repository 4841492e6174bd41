using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Emulator.Data;

/// <summary>
/// A URL subscribed to a bot's trigger event through <c>POST /integrations/custom-app/subscribe-trigger-event</c>; the
/// emulator POSTs <c>{botId, platform, data}</c> to it when the event happens (README, "Webhooks").
/// </summary>
public sealed class WebhookSubscription
{
    /// <summary>The subscription's id (24 lowercase hex characters).</summary>
    public required string Id { get; set; }

    /// <summary>The owning customer account.</summary>
    public required string CustomerId { get; set; }

    /// <summary>The bot whose events are sent.</summary>
    public required string BotId { get; set; }

    /// <summary><c>newLeadHook</c>, <c>newMessageHook</c> or <c>newOrderHook</c>.</summary>
    public required string Event { get; set; }

    /// <summary>The receiver's absolute http(s) URL.</summary>
    public required string Url { get; set; }

    /// <summary>The integration's slug (the n8n node sends <c>n8n</c>).</summary>
    public string Slug { get; set; } = "";

    /// <summary>The integration's category.</summary>
    public string Category { get; set; } = "";

    /// <summary>The platform the subscriber named (<c>whatsapp</c>, …), sent back as <c>platform</c> in deliveries.</summary>
    public string? Platform { get; set; }

    /// <summary>When it was subscribed (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}

/// <summary>Table and keys of <see cref="WebhookSubscription"/>: one row per (customer, bot, event, slug, URL).</summary>
internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> subscription)
    {
        subscription.ToTable("WebhookSubscriptions");
        subscription.HasKey(s => s.Id);
        subscription.HasIndex(s => new { s.CustomerId, s.BotId, s.Event, s.Slug, s.Url }).IsUnique();
    }
}
