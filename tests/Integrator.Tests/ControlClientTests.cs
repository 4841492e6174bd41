using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Emulator.Simulation;
using Emulator.State;
using Emulator.Testing;

namespace Integrator.Tests;

/// <summary>The typed control client, end to end, on an emulator of this class's own.</summary>
public sealed class ControlClientTests(InboxEmulatorFixture fixture) : IClassFixture<InboxEmulatorFixture>
{
    [Fact]
    public async Task Seed_export_snapshot_and_restore_round_trip_through_the_typed_client()
    {
        var control = fixture.Emulator.Control;
        var tenant = await fixture.CreateTenantAsync();
        var seed = new SeedDocument
        {
            Chats = [new SeedChat { CustomerId = tenant.CustomerId, BotId = tenant.BotId, Name = "Seeded", Tags = ["vip"], CreatedAt = "2024-01-31T09:30:00.000Z" }],
        };
        Assert.Equal(1, (await control.SeedAsync(seed)).Chats);
        await control.SaveSnapshotAsync($"before-{tenant.CustomerId}");

        await control.ResetAsync(tenant.CustomerId);
        Assert.Empty(await control.ListStoredChatsAsync(tenant.CustomerId));

        await control.RestoreSnapshotAsync($"before-{tenant.CustomerId}");
        var chat = Assert.Single((await control.ExportAsync(tenant.CustomerId)).Chats!)!;
        Assert.Equal("Seeded", chat.Name);
        Assert.Equal("2024-01-31T09:30:00.000Z", chat.CreatedAt);
    }

    [Fact]
    public async Task A_simulated_visitor_chats_and_lands_in_a_segment_the_inbox_filters_on()
    {
        var control = fixture.Emulator.Control;
        var tenant = await fixture.CreateTenantAsync();
        var visitor = await control.OpenVisitorAsync(new VisitorRequest(tenant.CustomerId, tenant.Bots["WHATSAPP"], "WHATSAPP",
            null, "Asha", null, "9876543210", "+91", null, null, null));
        await control.AddMessageAsync(visitor.Id, "user", "Do you ship to Pune?");
        var segment = await control.CreateSegmentAsync(tenant.CustomerId, "Pune", [visitor.Id]);

        using var client = fixture.Emulator.CreateClient(tenant);
        var reply = await client.PostAsJsonAsync("inbox/users", new { page = 1, segments = new[] { segment.Id }, lastMessageBy = new[] { "user" } });
        var contact = Assert.Single((await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").EnumerateArray());
        Assert.Equal("919876543210", contact.GetProperty("profile").GetProperty("userDetails").GetProperty("whatsAppNumber").GetString());
    }

    [Fact]
    public async Task A_refused_control_call_throws_with_the_problem_details()
    {
        var error = await Assert.ThrowsAsync<EmulatorControlException>(() => fixture.Emulator.Control.RestoreSnapshotAsync("no-such-snapshot"));
        Assert.Equal(HttpStatusCode.NotFound, error.Status);
        Assert.Contains("No snapshot is named", error.Message);
    }
}
