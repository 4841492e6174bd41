using System.Threading.Channels;
using Emulator.Common;
using Emulator.Contacts;
using Emulator.Data;
using Emulator.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Emulator.Webhooks;

/// <summary>
/// The webhook outbox (README, "Webhooks"): turns the events of a write into one <see cref="PendingWebhook"/> row per
/// matching subscription, inside that write's transaction, with the body the platform POSTs — <c>{botId, platform,
/// data}</c>, <c>data</c> being the contact as <c>POST /inbox/users</c> answers it as of that write. An event is therefore
/// stored exactly when its write is committed, survives a crash, and is never dropped; the
/// <see cref="WebhookDispatcher"/> delivers the rows and is woken after each commit that added some.
/// </summary>
public sealed class WebhookOutbox(TenantDirectory tenants, TimeProvider clock) : IChatEventSink
{
    private static readonly Func<EmulatorDbContext, string, IAsyncEnumerable<WebhookSubscription>> SubscriptionsOf =
        EF.CompileAsyncQuery((EmulatorDbContext db, string customerId) => db.WebhookSubscriptions.AsNoTracking().Where(s => s.CustomerId == customerId));

    // Capacity 1, newest dropped: one pending wake-up covers any number of commits, as the dispatcher reads the table.
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <inheritdoc />
    public async Task<bool> StageAsync(EmulatorDbContext db, IReadOnlyList<ChatEvent> events, CancellationToken cancellationToken)
    {
        var subscriptions = new Dictionary<string, List<WebhookSubscription>>(StringComparer.Ordinal);
        var added = false;
        foreach (var e in events)
        {
            if (!subscriptions.TryGetValue(e.CustomerId, out var ofCustomer))
            {
                ofCustomer = await SubscriptionsOf(db, e.CustomerId).ToListAsync(cancellationToken);
                subscriptions[e.CustomerId] = ofCustomer;
            }

            var matching = ofCustomer.Where(s => s.BotId == e.BotId && s.Event == e.Event).ToList();
            if (matching.Count == 0 || await db.Chats.FindAsync([e.ChatId], cancellationToken) is not { } chat)
            {
                continue;
            }

            var tenant = tenants.OfCustomer(e.CustomerId).FirstOrDefault()?.Tenant ?? new Tenant(e.CustomerId, null);
            var contact = ContactMapping.ToWire(chat, tenant);
            var raisedAt = Timestamps.Now(clock);
            foreach (var subscription in matching)
            {
                var body = new WebhookBody(e.BotId, subscription.Platform ?? e.Channel.ToLowerInvariant(), contact);
                db.WebhookOutbox.Add(new PendingWebhook
                {
                    SubscriptionId = subscription.Id,
                    Url = subscription.Url,
                    Event = e.Event,
                    CustomerId = e.CustomerId,
                    BotId = e.BotId,
                    ChatId = e.ChatId,
                    Body = System.Text.Json.JsonSerializer.Serialize(body, WireJson.Options),
                    RaisedAt = raisedAt,
                });
                added = true;
            }
        }

        if (added)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return added;
    }

    /// <inheritdoc />
    public void Committed() => Wake();

    /// <summary>Wakes the dispatcher to read the outbox again.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Returns once <see cref="Wake"/> was called since the last return, or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await _wake.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
