using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Emulator.Data;

/// <summary>
/// One event waiting to be delivered to one subscription (the webhook outbox, README "Webhooks"): stored in the same
/// transaction as the chat write that raised it, with the body as of that write, and deleted once delivered or given up.
/// Rows of one subscription are delivered in <see cref="Seq"/> order; rows left by a stop or a crash are delivered after
/// the next start.
/// </summary>
public sealed class PendingWebhook
{
    /// <summary>Order of raising, increasing across the whole database (SQLite's rowid).</summary>
    public long Seq { get; set; }

    /// <summary>The subscription it goes to (<see cref="WebhookSubscription.Id"/>); its deliveries keep their order.</summary>
    public required string SubscriptionId { get; set; }

    /// <summary>The subscription's URL when the event was raised.</summary>
    public required string Url { get; set; }

    /// <summary><c>newLeadHook</c>, <c>newMessageHook</c> or <c>newOrderHook</c>.</summary>
    public required string Event { get; set; }

    /// <summary>The owning customer account.</summary>
    public required string CustomerId { get; set; }

    /// <summary>The bot whose event it is.</summary>
    public required string BotId { get; set; }

    /// <summary>The contact's chat.</summary>
    public required string ChatId { get; set; }

    /// <summary>The JSON POSTed: <c>{botId, platform, data}</c> as of the write that raised the event (UTF-8 text).</summary>
    public required string Body { get; set; }

    /// <summary>When the event was raised (UTC, the emulator's clock).</summary>
    public DateTime RaisedAt { get; set; }
}

/// <summary>Table and keys of <see cref="PendingWebhook"/>: the head of each subscription's queue is found by (subscription, seq).</summary>
internal sealed class PendingWebhookConfiguration : IEntityTypeConfiguration<PendingWebhook>
{
    public void Configure(EntityTypeBuilder<PendingWebhook> pending)
    {
        pending.ToTable("WebhookOutbox");
        pending.HasKey(p => p.Seq);
        pending.Property(p => p.Seq).ValueGeneratedOnAdd();
        pending.HasIndex(p => new { p.SubscriptionId, p.Seq });
        pending.HasIndex(p => p.CustomerId);
    }
}
