using System.Text.Json;
using Emulator.Chats;
using Emulator.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Emulator.Tests.Infrastructure;

/// <summary>
/// The chats listing's read path checked against EF Core over the suite's own data: when a test's emulator is disposed,
/// every page (and the one past the end) of every bot's leads and non-leads is read both by <see cref="ChatPageReader"/>
/// (what <c>GET /inbox/direct/chats</c> runs) and by an EF Core query of the whole entity mapped by the same
/// <see cref="ChatMapping.ToWire"/>, and the two must serialize to the same bytes.
/// </summary>
public static class ListingEquivalence
{
    /// <summary>Throws when a page differs.</summary>
    public static async Task VerifyAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
        var reader = scope.ServiceProvider.GetRequiredService<ChatPageReader>();
        var size = scope.ServiceProvider.GetRequiredService<IOptions<EmulatorOptions>>().Value.PageSize;
        var json = scope.ServiceProvider.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        if (!await db.Database.CanConnectAsync())
        {
            return; // a test that took the database away: nothing to compare
        }

        var groups = await db.Chats.AsNoTracking().Where(c => c.Status != ChatStatuses.Deleted)
            .GroupBy(c => new { c.CustomerId, c.BotId, c.IsLead }).Select(g => new { g.Key.CustomerId, g.Key.BotId, g.Key.IsLead, Count = g.Count() })
            .ToListAsync();
        foreach (var group in groups)
        {
            for (var page = 0; page <= group.Count / size; page++)
            {
                var expected = (await db.Chats.AsNoTracking()
                        .Where(c => c.CustomerId == group.CustomerId && c.BotId == group.BotId && c.IsLead == group.IsLead && c.Status != ChatStatuses.Deleted)
                        .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Skip(page * size).Take(size).ToListAsync())
                    .Select(ChatMapping.ToWire).ToList();
                var read = reader.Page(group.CustomerId, group.BotId, group.IsLead, page * size, size);
                var want = JsonSerializer.Serialize(expected, json);
                var got = JsonSerializer.Serialize(read, json);
                if (want != got)
                {
                    throw new InvalidOperationException(
                        $"GET /inbox/direct/chats page {page + 1} of bot {group.BotId} (leads: {group.IsLead}) differs from EF Core's:\nEF Core: {want}\nreader:  {got}");
                }
            }
        }
    }
}
