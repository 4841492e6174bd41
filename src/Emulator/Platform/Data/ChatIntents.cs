namespace Emulator.Data;

/// <summary>
/// What can happen to a chat, as methods of the chat itself: each one owns its rules (a change is merged only within the
/// chat's limits; a message moves <c>lastMessage</c> and, from the visitor, the unread count), so a writer states what
/// happened instead of setting fields. Derived state (lead typing, search text, label rows, de-duplicated tags and
/// segments, <c>updatedAt</c>) follows on save (<see cref="ChatRules.Refresh"/>). Seed documents are the one writer that
/// sets stored values as they are, since they restore what an export read.
/// </summary>
public sealed partial class Chat
{
    /// <summary>
    /// Merges <paramref name="patch"/> (<see cref="ChatRules.Merge"/>) unless it would pass the chat's limits
    /// (<see cref="ChatRules.OverLimits"/>): then nothing changes and the problems are returned.
    /// </summary>
    /// <param name="patch">The change, in the one shape every input maps to.</param>
    /// <param name="now">When it happens (UTC): the time of the ids of appended notes.</param>
    /// <param name="ids">Makes the ids of new notes.</param>
    /// <returns>One message per limit the change would pass; empty when it was applied.</returns>
    public IReadOnlyList<string> Apply(ChatPatch patch, DateTime now, Common.ObjectIds ids)
    {
        if (ChatRules.OverLimits(this, patch) is { Count: > 0 } problems)
        {
            return problems;
        }

        ChatRules.Merge(this, patch, now, ids);
        return [];
    }

    /// <summary>
    /// A message in the chat: it becomes <c>lastMessage</c>. From the visitor (<c>user</c>) it also marks the chat as
    /// interacted, seen at that time and adds one unread message; an agent's reply means the chat was read (unread 0).
    /// </summary>
    /// <param name="by"><c>user</c>, <c>bot</c> or <c>agent</c>.</param>
    /// <param name="text">The message text.</param>
    /// <param name="at">When it was sent (UTC).</param>
    public void RecordMessage(string by, string text, DateTime at)
    {
        LastMessageAt = at;
        LastMessageBy = by;
        LastMessageText = text;
        switch (by)
        {
            case "user":
                UserInteracted = true;
                LastSeenAt = at;
                UnreadMessages++;
                break;
            case "agent":
                UnreadMessages = 0;
                break;
        }
    }

    /// <summary>An order placed by the contact: <c>hasOrdered.status</c> true, last ordered at <paramref name="at"/> (UTC), or
    /// later when a later order is already recorded.</summary>
    public void RecordOrder(DateTime at)
    {
        HasOrdered = true;
        LastOrderedAt = LastOrderedAt is { } last && last > at ? last : at;
    }

    /// <summary>A visitor opened the bot at <paramref name="now"/> (UTC): online, seen now, and one visit of the website widget.</summary>
    public void RecordVisit(DateTime now)
    {
        IsOnline = true;
        LastSeenAt = now;
        if (Channel == Channels.Website)
        {
            WebsiteVisits = 1;
        }
    }

    /// <summary>A visitor whose contact details reached the bot has interacted with it (README, "Contact search rules").</summary>
    public void NoteDetailsReceived() => UserInteracted |= ChatRules.HoldsContactDetails(this);

    /// <summary>Sets the status (<see cref="ChatStatuses"/>); <c>DELETED</c> takes the contact out of every listing.</summary>
    public void SetStatus(string status) => Status = status;

    /// <summary>Replaces the segments the contact belongs to (segment ids).</summary>
    public void SetSegments(IEnumerable<string> segments) => Segments = [.. segments];

    /// <summary>Adds <paramref name="tags"/> to the contact's tags (a tag it has already stays once).</summary>
    public void AddTags(IEnumerable<string> tags) => Tags = [.. Tags, .. tags];

    /// <summary>Marks the chat as a contact (a WhatsApp number or an import made it one, with or without details).</summary>
    public void MarkContact() => IsContact = true;

    /// <summary>Marks a contact created by an import (<c>isImported</c>).</summary>
    public void MarkImported()
    {
        IsImported = true;
        IsContact = true;
    }
}
