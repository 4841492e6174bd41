using Microsoft.EntityFrameworkCore;

namespace Emulator.Data;

/// <summary>One page of a listing, newest <c>createdAt</c> first (ties by id), as both listings answer.</summary>
public static class Paging
{
    /// <summary>
    /// Page <paramref name="page"/> (from 1) of <paramref name="matching"/>, <paramref name="size"/> chats, read without
    /// tracking. The offset is walked over ids only — an index ending in (CreatedAt, Id) covers it — and only the page's
    /// rows are read whole: with the rows themselves, a deep page read and threw away every skipped row's JSON columns.
    /// </summary>
    public static Task<List<Chat>> PageAsync(EmulatorDbContext db, IQueryable<Chat> matching, int page, int size, CancellationToken cancellationToken)
    {
        var ids = matching.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Skip((page - 1) * size).Take(size).Select(c => c.Id);
        return db.Chats.AsNoTracking().Where(c => ids.Contains(c.Id))
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .ToListAsync(cancellationToken);
    }
}
