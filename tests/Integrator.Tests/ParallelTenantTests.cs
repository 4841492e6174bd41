using System.Net.Http.Json;
using System.Text.Json;
using Emulator.Testing;

namespace Integrator.Tests;

/// <summary>Three classes × several tests, run by xunit in parallel on the one shared emulator, each in its own tenant.</summary>
public abstract class ParallelTenantTests(SharedInboxEmulatorFixture fixture)
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(9)]
    public async Task Each_test_sees_only_the_leads_of_its_own_tenant(int count)
    {
        var tenant = await fixture.CreateTenantAsync();
        using var client = fixture.Emulator.CreateClient(tenant);
        for (var i = 0; i < count; i++)
        {
            (await client.PutAsJsonAsync("inbox/direct/lead",
                new { uuid = $"p-{i}", botId = tenant.BotId, customerId = tenant.CustomerId, name = $"{tenant.CustomerId}-{i}" })).EnsureSuccessStatusCode();
        }

        var chats = await client.GetFromJsonAsync<JsonElement>($"inbox/direct/chats?botId={tenant.BotId}&customerId={tenant.CustomerId}&page=1&type=lead");
        var names = chats.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("profile").GetProperty("userDetails").GetProperty("name").GetString()).ToList();
        Assert.Equal(count, names.Count);
        Assert.All(names, n => Assert.StartsWith(tenant.CustomerId, n));
    }
}

public sealed class ParallelTenantsA(SharedInboxEmulatorFixture fixture) : ParallelTenantTests(fixture), IClassFixture<SharedInboxEmulatorFixture>;

public sealed class ParallelTenantsB(SharedInboxEmulatorFixture fixture) : ParallelTenantTests(fixture), IClassFixture<SharedInboxEmulatorFixture>;

public sealed class ParallelTenantsC(SharedInboxEmulatorFixture fixture) : ParallelTenantTests(fixture), IClassFixture<SharedInboxEmulatorFixture>;
