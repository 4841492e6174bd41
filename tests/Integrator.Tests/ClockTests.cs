using System.Net.Http.Json;
using System.Text.Json;
using Emulator.Testing;

namespace Integrator.Tests;

/// <summary>Its own emulator, because the clock is one per emulator.</summary>
public sealed class ClockTests
{
    [Fact]
    public async Task With_the_clock_frozen_timestamps_are_exact()
    {
        await using var emulator = await InboxEmulator.StartAsync();
        await emulator.Control.PinClockAsync(DateTimeOffset.Parse("2024-02-29T12:00:00Z"));
        var tenant = InboxEmulator.DevelopmentTenant;
        using var client = emulator.CreateClient();

        (await client.PutAsJsonAsync("inbox/direct/lead", new { uuid = "frozen", botId = tenant.BotId, customerId = tenant.CustomerId, name = "F" }))
            .EnsureSuccessStatusCode();

        var chats = await client.GetFromJsonAsync<JsonElement>($"inbox/direct/chats?botId={tenant.BotId}&customerId={tenant.CustomerId}&page=1&type=lead");
        var chat = chats.GetProperty("data")[0];
        Assert.Equal("2024-02-29T12:00:00.000Z", chat.GetProperty("createdAt").GetString());
        Assert.Equal("2024-02-29T12:00:00.000Z", chat.GetProperty("updatedAt").GetString());
    }
}
