using System.Text.Json;
using System.Text.RegularExpressions;
using Emulator.Common;
using Emulator.Data;
using Emulator.Simulation;
using Microsoft.EntityFrameworkCore;

namespace Emulator.WhatsApp;

/// <summary>
/// What a WhatsApp send does on the platform, emulated (nothing is really sent): the recipient's WhatsApp contact is found
/// by its number under the sending bot, or created (<c>platform</c> WHATSAPP, <c>whatsAppNumber</c>,
/// <c>userProvidedName</c> from <c>userName</c>, a contact), its <c>lastMessage</c> becomes the bot's message and the
/// tags sent are added; then the message is recorded in the <see cref="WhatsAppOutbox"/>. The write goes through the
/// <see cref="SingleWriter"/>; the outbox entry is added after its commit.
/// </summary>
public sealed partial class WhatsAppSender(SingleWriter writer, WhatsAppOutbox outbox, TimeProvider clock) : IDatabaseWriter
{
    /// <summary>A message to send: who sends it, to whom, and what.</summary>
    /// <param name="CustomerId">The tenant.</param>
    /// <param name="BotId">The tenant's WhatsApp bot.</param>
    /// <param name="WaId">The recipient, country code and number.</param>
    /// <param name="UserName">The recipient's name, if sent.</param>
    /// <param name="Type">The outbox type.</param>
    /// <param name="Text">The text shown as <c>lastMessage.text</c>.</param>
    /// <param name="Source">A media URL.</param>
    /// <param name="Template">The template, for a template send.</param>
    /// <param name="Params">The template variables as sent.</param>
    /// <param name="Tags">Tags to add to the contact.</param>
    public sealed record Send(string CustomerId, string BotId, string WaId, string? UserName, string Type, string? Text, string? Source,
        WhatsAppTemplate? Template, JsonElement? Params, IReadOnlyList<string>? Tags);

    /// <summary>Sends <paramref name="send"/>; returns the message id answered to the caller (<c>wamid.…</c>).</summary>
    public async Task<string> SendAsync(Send send, CancellationToken cancellationToken)
    {
        var phone = PhoneNumbers.SplitWhatsAppNumber(send.WaId); // outside the writer: the first split loads libphonenumber's metadata
        var (chatId, messageId, at) = await writer.WriteAsync(async (db, ct) =>
        {
            var now = Timestamps.Now(clock);
            var chat = await db.Chats.Include(c => c.Labels)
                .Where(c => c.CustomerId == send.CustomerId && c.BotId == send.BotId && c.WhatsAppNumber == send.WaId && c.Status != ChatStatuses.Deleted)
                .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(ct);
            if (chat is null)
            {
                chat = await db.StartChatAsync(send.CustomerId, send.BotId, db.Ids.Guid(), Channels.WhatsApp, ct);
                chat.MarkContact();

                // A real WhatsApp contact carries its number twice: as its WhatsApp id and as contact.phone, so that
                // searchText and the import find it by its number.
                chat.Apply(new ChatPatch { WhatsAppNumber = send.WaId, PhoneNumber = phone.Number, DialCode = phone.Prefix }, now, db.Ids);
            }

            if (!string.IsNullOrEmpty(send.UserName))
            {
                chat.Apply(new ChatPatch { UserProvidedName = send.UserName }, now, db.Ids);
            }

            chat.AddTags(send.Tags ?? []);
            chat.RecordMessage("bot", send.Text ?? $"[{send.Type}]", now);
            db.Touch(chat);
            await db.SaveChangesAsync(ct);
            return (chat.Id, "wamid." + db.Ids.New(now), now);
        }, cancellationToken);
        outbox.Add(seq => new OutboxEntry(seq, messageId, Timestamps.Format(at), send.CustomerId, send.BotId, send.WaId, send.UserName, send.Type,
            send.Text, send.Source, send.Template?.Id, send.Template?.Name, send.Params, chatId));
        return messageId;
    }

    /// <summary>The template's body with <c>{{n}}</c> replaced by the n-th of <paramref name="values"/>.</summary>
    public static string Render(WhatsAppTemplate template, IReadOnlyList<string> values) =>
        Variable().Replace(template.Body, m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var n && n >= 1 && n <= values.Count
            ? values[n - 1]
            : m.Value);

    /// <summary>How many numbered variables the template's body uses (its highest <c>{{n}}</c>).</summary>
    public static int VariableCount(WhatsAppTemplate template) =>
        Variable().Matches(template.Body).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();

    [GeneratedRegex(@"\{\{(\d{1,3})\}\}")]
    private static partial Regex Variable();
}
