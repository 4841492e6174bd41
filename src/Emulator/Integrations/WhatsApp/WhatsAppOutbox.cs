using System.Text.Json;
using Emulator.Common;
using Microsoft.Extensions.Options;

namespace Emulator.WhatsApp;

/// <summary>One message the emulator "sent" on WhatsApp (nothing leaves the machine), as the outbox lists it.</summary>
/// <param name="Seq">Sequence number, increasing from 1.</param>
/// <param name="Id">The message id answered to the sender (<c>wamid.…</c>).</param>
/// <param name="At">When it was sent (the emulator's clock, wire format).</param>
/// <param name="CustomerId">The tenant.</param>
/// <param name="BotId">The WhatsApp bot that sent it.</param>
/// <param name="WaId">The recipient.</param>
/// <param name="UserName">The recipient's name as sent, if any.</param>
/// <param name="Type"><c>text</c>, a media type, or <c>template</c>.</param>
/// <param name="Text">The text: a text message's, a media caption, or the template's body with its variables filled.</param>
/// <param name="Source">A media message's URL.</param>
/// <param name="TemplateId">A template message's template.</param>
/// <param name="TemplateName">That template's name.</param>
/// <param name="Params">A template message's <c>params</c>, as sent.</param>
/// <param name="ChatId">The <c>_id</c> of the contact's chat, which the send created or updated.</param>
public sealed record OutboxEntry(long Seq, string Id, string At, string CustomerId, string BotId, string WaId, string? UserName, string Type,
    string? Text, string? Source, string? TemplateId, string? TemplateName, JsonElement? Params, string ChatId);

/// <summary>The WhatsApp outbox: every send, in memory, bounded like the request journal (<see cref="EmulatorOptions.JournalCapacity"/>).</summary>
public sealed class WhatsAppOutbox(IOptions<EmulatorOptions> options) : State.IResettable
{
    /// <inheritdoc />
    public void Reset(string? customerId) => Clear(customerId);

    /// <inheritdoc />
    public void Restored() => Clear(null);

    private readonly WaitableLog<OutboxEntry> _log = new(() => Math.Max(options.Value.JournalCapacity, 1));

    /// <summary>Records a send.</summary>
    public void Add(Func<long, OutboxEntry> make) => _log.Add(make);

    /// <summary>The sends matching the filter (every member optional), oldest first.</summary>
    public IReadOnlyList<OutboxEntry> Find(OutboxQuery query) => _log.Find(query.Matches);

    /// <summary>Waits until <paramref name="count"/> sends match, or null after <paramref name="timeout"/>.</summary>
    public Task<IReadOnlyList<OutboxEntry>?> WaitAsync(OutboxQuery query, int count, TimeSpan timeout, CancellationToken cancellationToken) =>
        _log.WaitAsync(query.Matches, count, timeout, cancellationToken);

    /// <summary>Forgets sends: all, or one tenant's.</summary>
    public int Clear(string? customerId) => _log.Remove(e => customerId is null || e.CustomerId == customerId);
}

/// <summary>Which outbox entries a call is about; members combine with AND.</summary>
public sealed class OutboxQuery
{
    /// <summary>Only this tenant's sends.</summary>
    public string? CustomerId { get; init; }

    /// <summary>Only this bot's sends.</summary>
    public string? BotId { get; init; }

    /// <summary>Only sends to this number.</summary>
    public string? WaId { get; init; }

    /// <summary>Only entries after this sequence number.</summary>
    public long? AfterSeq { get; init; }

    /// <summary>True when <paramref name="entry"/> passes every given condition.</summary>
    public bool Matches(OutboxEntry entry) =>
        (CustomerId is null || CustomerId == entry.CustomerId) && (BotId is null || BotId == entry.BotId)
        && (WaId is null || WaId == entry.WaId) && (AfterSeq is null || entry.Seq > AfterSeq);
}
