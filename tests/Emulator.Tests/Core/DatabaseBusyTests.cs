using System.Net;
using Emulator.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Emulator.Tests.Core;

/// <summary><c>Emulator:BusyTimeoutMs</c> bounds how long a write waits for another writer.</summary>
public sealed class DatabaseBusyTests
{
    [Fact]
    public async Task A_write_blocked_by_another_writer_past_the_busy_timeout_gets_503_and_writes_nothing()
    {
        await using var emulator = new EmulatorFactory(new Dictionary<string, string?> { ["Emulator:BusyTimeoutMs"] = "1000" });
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("before", new { name = "Before" }))).ExpectOk();

        await using (var holder = new SqliteConnection($"Data Source={emulator.DatabasePath};Pooling=False"))
        {
            await holder.OpenAsync();
            await using var writeLock = await holder.BeginTransactionAsync(); // BEGIN IMMEDIATE: holds the write lock

            // Microsoft.Data.Sqlite's own retries would wait 30 s; the setting makes it give up after about 1 s.
            var reply = await emulator.Inbox().PutLeadAsync(InboxClient.Lead("blocked", new { name = "Blocked" }))
                .WaitAsync(TimeSpan.FromSeconds(20));

            reply.Expect(HttpStatusCode.ServiceUnavailable);
            Assert.Equal(["The database is busy with another write; nothing was written. Retry the request."], reply.Messages);
        }

        Assert.Equal(["before"], (await emulator.Inbox().ListChatsAsync()).ExpectOk().Data.Select(c => c!["uuid"]!.GetValue<string>()));
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("blocked", new { name = "Blocked" }))).ExpectOk();
    }
}
