using Emulator.Data;
using Microsoft.EntityFrameworkCore;

namespace Emulator.Contacts;

/// <summary>
/// For one contact search, decides per filter with an index of its own (<c>searchText</c>'s trigram index, the label
/// index of <c>tags</c> and <c>segments</c>) whether that index drives the page (its candidates are few) or the filter is
/// tested on each chat of a newest-first walk (README, "Performance": contact search). Not thread-safe: one per search.
/// </summary>
/// <param name="db">The search's context.</param>
/// <param name="rowsNeeded">Matches up to the end of the page asked for: page × page size.</param>
/// <param name="indexOnly">Every such filter is driven by its index, without probing (the fallback of a walk that did
/// not fill its page near the newest chats).</param>
/// <param name="cancellationToken">Cancels the probes.</param>
internal sealed class IndexProbe(EmulatorDbContext db, long rowsNeeded, bool indexOnly, CancellationToken cancellationToken)
{
    private int? _cap;
    private bool _walked, _driven;

    /// <summary>Every filter is driven by its index, without probing.</summary>
    public bool IndexOnly => indexOnly;

    /// <summary>True when some filter matched more candidates than <see cref="CapAsync"/> and no filter drives the page
    /// from its index: the page comes from a walk.</summary>
    public bool WalksOnly => _walked && !_driven;

    /// <summary>
    /// <see cref="ContactQuery.ProbeCap"/> for this search, from the highest search rowid (one index seek), which is at
    /// least the number of chats stored since every chat holds a distinct positive one. Asked once, when first needed.
    /// </summary>
    public async Task<int> CapAsync() =>
        _cap ??= ContactQuery.ProbeCap(rowsNeeded, await db.Chats.MaxAsync(c => (long?)c.SearchRowId, cancellationToken) ?? 0);

    /// <summary>Records a probe that found <paramref name="found"/> candidates (at most the cap + 1); true when they are
    /// few enough to drive the page.</summary>
    public async Task<bool> DrivesAsync(int found)
    {
        var drives = found <= await CapAsync();
        _driven |= drives;
        _walked |= !drives;
        return drives;
    }
}
