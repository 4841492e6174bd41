using System.Net.Http.Json;
using Emulator.Journal;
using Emulator.Testing;

namespace Integrator.Tests;

/// <summary>The README's first example ("Use in your integration tests"), as written there.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task The_readme_example_runs_as_written()
    {
        await using var emulator = await InboxEmulator.StartAsync(new InboxEmulatorOptions { PageSize = 20 });
        var tenant = await emulator.CreateTenantAsync();      // a customer account of this test's own
        using var client = emulator.CreateClient(tenant);     // Authorization: Bearer <token>, authtype: Key

        await client.PutAsJsonAsync("inbox/direct/lead", new { uuid = "visitor-42", botId = tenant.BotId, customerId = tenant.CustomerId, name = "Ada" });

        // What your code sent, without sleeping: answers as soon as the request is in the journal.
        var sent = await emulator.Control.WaitForRequestsAsync(new JournalQuery { Path = "/inbox/direct/lead", CustomerId = tenant.CustomerId });

        Assert.Equal(200, Assert.Single(sent).Status);
    }
}
