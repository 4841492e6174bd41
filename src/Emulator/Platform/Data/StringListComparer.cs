using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Emulator.Data;

/// <summary>
/// EF Core's change tracking of a chat's <see cref="Chat.Tags"/> and <see cref="Chat.Segments"/> (lists of strings,
/// stored as JSON arrays): equal when the same strings are in the same order; the snapshot is a copy. EF Core's own
/// comparer for such a list holds lambdas inside its expressions (<c>Snapshot(source, v =&gt; v)</c>), and the delegates
/// compiled from them then create a delegate on every call: 13 % of the single writer's time in a profile of lead
/// writes (README, "Performance"). These expressions call static methods instead.
/// </summary>
public sealed class StringListComparer() : ValueComparer<List<string>>(
    (a, b) => AreEqual(a, b), list => HashOf(list), list => Copy(list))
{
    /// <summary>Whether both lists hold the same strings in the same order (ordinal); two nulls are equal.</summary>
    public static bool AreEqual(List<string>? a, List<string>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.SequenceEqual(b, StringComparer.Ordinal));

    /// <summary>A hash of the strings in order; 0 for null.</summary>
    public static int HashOf(List<string>? list)
    {
        var hash = new HashCode();
        foreach (var item in list ?? [])
        {
            hash.Add(item, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>A new list with the same strings (strings are immutable, so a shallow copy is a snapshot).</summary>
    public static List<string> Copy(List<string> list) => list is null ? null! : [.. list];
}
