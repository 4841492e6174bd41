using Microsoft.EntityFrameworkCore;

namespace Emulator.Data;

/// <summary>Deletes stored data wholesale: what a tenant's removal and <c>POST /_emulator/reset</c> share.</summary>
public static class StoredData
{
    /// <summary>
    /// Deletes the chats (with their label rows and search index rows, through the table's triggers), segments, WhatsApp templates, webhook subscriptions and undelivered webhook events of
    /// <paramref name="customerId"/>, or of every customer when it is null. Runtime tenants are not touched. Call inside
    /// the write transaction.
    /// </summary>
    /// <returns>How many chats were deleted.</returns>
    public static async Task<int> DeleteAsync(EmulatorDbContext db, string? customerId, CancellationToken cancellationToken)
    {
        await db.ChatLabels.Where(l => customerId == null || l.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        await db.Segments.Where(s => customerId == null || s.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        await db.WhatsAppTemplates.Where(t => customerId == null || t.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        await db.WebhookSubscriptions.Where(w => customerId == null || w.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        await db.WebhookOutbox.Where(w => customerId == null || w.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        return await db.Chats.Where(c => customerId == null || c.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
    }
}
