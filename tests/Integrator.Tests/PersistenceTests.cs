using System.Net.Http.Json;
using System.Text.Json;
using Emulator.Testing;

namespace Integrator.Tests;

public sealed class PersistenceTests
{
    [Fact]
    public async Task On_request_the_data_lives_in_a_file_and_is_there_for_the_next_emulator()
    {
        var path = Path.Combine(Path.GetTempPath(), $"integrator-{Guid.NewGuid():N}.db");
        var tenant = InboxEmulator.DevelopmentTenant;
        try
        {
            await using (var first = await InboxEmulator.StartAsync(new InboxEmulatorOptions { DatabasePath = path }))
            {
                using var client = first.CreateClient();
                (await client.PutAsJsonAsync("inbox/direct/lead", new { uuid = "kept", botId = tenant.BotId, customerId = tenant.CustomerId, name = "Kept" }))
                    .EnsureSuccessStatusCode();
            }

            await using var second = await InboxEmulator.StartAsync(new InboxEmulatorOptions { DatabasePath = path });
            using var reader = second.CreateClient();
            var chats = await reader.GetFromJsonAsync<JsonElement>($"inbox/direct/chats?botId={tenant.BotId}&customerId={tenant.CustomerId}&page=1&type=lead");
            Assert.Equal("kept", Assert.Single(chats.GetProperty("data").EnumerateArray()).GetProperty("uuid").GetString());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    [Fact]
    public async Task Each_emulator_without_a_path_starts_empty_and_private()
    {
        await using var first = await InboxEmulator.StartAsync();
        await using var second = await InboxEmulator.StartAsync();
        var tenant = InboxEmulator.DevelopmentTenant;
        using var one = first.CreateClient();
        (await one.PutAsJsonAsync("inbox/direct/lead", new { uuid = "only-first", botId = tenant.BotId, customerId = tenant.CustomerId, name = "A" }))
            .EnsureSuccessStatusCode();

        Assert.Empty(await second.Control.ListStoredChatsAsync(tenant.CustomerId));
        Assert.Single(await first.Control.ListStoredChatsAsync(tenant.CustomerId));
        Assert.NotEqual(first.BaseAddress, second.BaseAddress);
    }
}
