namespace Emulator.Tests.Model;

/// <summary>
/// The reference model: per tenant, the stored chats in creation order (deleted ones included) and the segments, and the
/// emulator's (pinned) clock. Each tenant's chats are listed newest first by <c>createdAt</c>, which is unique and
/// increasing within a customer (README, "Differences": createdAt).
/// </summary>
public sealed class InboxModel
{
    public const int Tenants = 2;

    public DateTime Now { get; set; } = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public List<ModelChat>[] Chats { get; private set; } = [[], []];

    /// <summary>Segment names per tenant, in creation order, null once deleted (their ids are learned from the emulator).</summary>
    public List<string?>[] Segments { get; private set; } = [[], []];

    public Dictionary<string, (List<ModelChat>[] Chats, List<string?>[] Segments)> Snapshots { get; } = [];

    /// <summary>Starts a chat: <c>createdAt</c> is now, or 1 ms after the customer's newest when that is not earlier.</summary>
    public ModelChat Start(int tenant, string botId, string? uuid, string channel)
    {
        var chats = Chats[tenant];
        var createdAt = chats.Count > 0 && chats[^1].CreatedAt >= Now ? chats[^1].CreatedAt.AddMilliseconds(1) : Now;
        var chat = new ModelChat { BotId = botId, Uuid = uuid, Channel = channel, CreatedAt = createdAt };
        chats.Add(chat);
        return chat;
    }

    /// <summary>The live (non-deleted) chats of a tenant, newest first: the order of every listing.</summary>
    public IEnumerable<ModelChat> Listed(int tenant) => Chats[tenant].Where(c => !c.Deleted).Reverse();

    public static List<T> Page<T>(IEnumerable<T> items, int page, int size) => items.Skip((page - 1) * size).Take(size).ToList();

    public void Save(string name) => Snapshots[name] = (Copy(Chats), Segments.Select(s => s.ToList()).ToArray());

    public void Restore(string name)
    {
        var (chats, segments) = Snapshots[name];
        Chats = Copy(chats);
        Segments = segments.Select(s => s.ToList()).ToArray();
    }

    private static List<ModelChat>[] Copy(List<ModelChat>[] chats) => chats.Select(t => t.Select(c => c.Clone()).ToList()).ToArray();
}
