using Emulator.Common;
using Emulator.Data;
using Microsoft.EntityFrameworkCore;

namespace Emulator.Tenants;

/// <summary>
/// Creates and removes runtime tenants: the row goes through the <see cref="SingleWriter"/>, and the
/// <see cref="TenantDirectory"/> learns of it only after the commit, so a token is never accepted before its account
/// is stored, nor after its removal is.
/// </summary>
public sealed class TenantAdmin(SingleWriter writer, TenantDirectory directory, TimeProvider clock, ObjectIds ids)
{
    /// <summary>
    /// Creates a tenant from <paramref name="request"/>, generating what it leaves out: a 24-hex customer and agency id,
    /// a token shaped like the platform's (240 characters, then <c>_&lt;customerId&gt;_c</c>; README, "Development
    /// tenant") and a 24-hex bot id per channel.
    /// </summary>
    /// <returns>The new tenant, or the conflict (an id or token already in use) as a message.</returns>
    public async Task<(TenantEntry? Created, string? Conflict)> CreateAsync(TenantCreate request, CancellationToken cancellationToken)
    {
        var now = Timestamps.Now(clock);
        var customerId = request.CustomerId ?? ids.New(now);
        var token = request.Token ?? ids.Letters(240) + $"_{customerId}_c";
        if (directory.OfCustomer(customerId).Count > 0)
        {
            return (null, $"Customer '{customerId}' already has a tenant.");
        }

        if (directory.HasToken(token))
        {
            return (null, "The token already belongs to another tenant.");
        }

        var account = Account(request, customerId, token, now, ids);
        if (account.WhatsAppApiKey is { } key && directory.HasWhatsAppApiKey(key))
        {
            return (null, "The WhatsApp apiKey already belongs to another tenant.");
        }

        var stored = await writer.WriteAsync(async (db, ct) =>
        {
            // Checked again under the write lock: two concurrent creates with the same id cannot both pass.
            if (await db.Tenants.AnyAsync(t => t.CustomerId == customerId || t.Token == token
                || (account.WhatsAppApiKey != null && t.WhatsAppApiKey == account.WhatsAppApiKey), ct))
            {
                return false;
            }

            db.Tenants.Add(account);
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
        if (!stored)
        {
            return (null, $"Customer '{customerId}', its token or its WhatsApp apiKey already has a tenant.");
        }

        directory.Add(account);
        return (directory.OfCustomer(customerId).Single(), null);
    }

    /// <summary>The stored form of a new tenant: the request's agency and bot ids (bots by channel, any case), or new ones.</summary>
    public static TenantAccount Account(TenantCreate request, string customerId, string token, DateTime now, ObjectIds ids)
    {
        var bots = new Dictionary<string, string>(request.Bots ?? [], StringComparer.OrdinalIgnoreCase);
        string Bot(string channel) => bots.GetValueOrDefault(channel) ?? ids.New(now);
        return new TenantAccount
        {
            CustomerId = customerId,
            Token = token,
            AgencyId = request.AgencyId ?? ids.New(now),
            WebsiteBotId = Bot(Channels.Website),
            WhatsAppBotId = Bot(Channels.WhatsApp),
            TelegramBotId = Bot(Channels.Telegram),
            FacebookBotId = Bot(Channels.Facebook),
            WhatsAppApiKey = request.WhatsAppApiKey ?? ids.Letters(40),
            CreatedAt = now,
        };
    }

    /// <summary>How a removal ended.</summary>
    public enum Removal
    {
        /// <summary>The runtime tenant and its data are gone.</summary>
        Deleted,

        /// <summary>No runtime tenant has the customer id.</summary>
        NotFound,

        /// <summary>The customer id belongs to the development tenant or a configured one, which only a reset empties.</summary>
        Configured,
    }

    /// <summary>Removes runtime tenant <paramref name="customerId"/> and all its data; refuses configured tenants and the
    /// development tenant.</summary>
    public async Task<Removal> DeleteAsync(string customerId, CancellationToken cancellationToken)
    {
        var entries = directory.OfCustomer(customerId);
        if (entries.Count > 0 && entries.All(e => e.Source != TenantSources.Runtime))
        {
            return Removal.Configured;
        }

        var removed = await writer.WriteAsync(async (db, ct) =>
        {
            var rows = await db.Tenants.Where(t => t.CustomerId == customerId).ExecuteDeleteAsync(ct);
            if (rows > 0)
            {
                await StoredData.DeleteAsync(db, customerId, ct);
            }

            return rows > 0;
        }, cancellationToken);
        if (removed)
        {
            directory.RemoveRuntime(customerId);
        }

        return removed ? Removal.Deleted : Removal.NotFound;
    }
}
