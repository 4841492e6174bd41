using Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Emulator.Tests.Core;

/// <summary>A misconfigured emulator refuses to start, naming the entry; it never starts healthy and fails requests later.</summary>
public sealed class ConfigurationTests
{
    private static async Task<string> StartFailureAsync(Dictionary<string, string?> settings)
    {
        await using var emulator = new EmulatorFactory(settings);
        var failure = Assert.ThrowsAny<Exception>(() => emulator.CreateClient());
        var validation = failure as OptionsValidationException ?? failure.InnerException as OptionsValidationException;
        Assert.NotNull(validation);
        return validation.Message;
    }

    [Fact]
    public async Task A_token_configured_twice_stops_the_start_naming_both_entries()
    {
        var message = await StartFailureAsync(new()
        {
            ["Emulator:Tenants:1:Token"] = EmulatorFactory.OtherToken,
            ["Emulator:Tenants:1:CustomerId"] = "bbbbbbbbbbbbbbbbbbbbbbbb",
        });
        Assert.Contains("Emulator:Tenants:1:Token is the same as Emulator:Tenants:0:Token", message);
    }

    [Fact]
    public async Task A_configured_token_equal_to_the_development_tokens_stops_the_start_while_that_tenant_is_on()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Emulator:Tenants:1:Token"] = EmulatorFactory.DevToken,
            ["Emulator:Tenants:1:CustomerId"] = "bbbbbbbbbbbbbbbbbbbbbbbb",
        };
        Assert.Contains("Emulator:Tenants:1:Token is the development tenant's token", await StartFailureAsync(settings));

        settings["Emulator:EnableDevelopmentTenant"] = "false";
        await using var emulator = new EmulatorFactory(settings);
        var own = (await emulator.Inbox(EmulatorFactory.DevToken).SearchAsync(new { page = 1 })).ExpectOk();
        Assert.Empty(own.Data);
    }

    [Fact]
    public async Task Empty_tokens_and_customer_ids_and_out_of_range_numbers_are_all_named()
    {
        var message = await StartFailureAsync(new()
        {
            ["Emulator:Tenants:1:Token"] = " ",
            ["Emulator:Tenants:1:CustomerId"] = "bbbbbbbbbbbbbbbbbbbbbbbb",
            ["Emulator:Tenants:2:Token"] = "third",
            ["Emulator:PageSize"] = "0",
            ["Emulator:MaxBodyBytes"] = "10",
            ["Emulator:BusyTimeoutMs"] = "-1",
        });

        Assert.Contains("Emulator:Tenants:1:Token is empty", message);
        Assert.Contains("Emulator:Tenants:2:CustomerId is empty", message);
        Assert.Contains("Emulator:PageSize must be from 1 to 500 (it is 0)", message);
        Assert.Contains("Emulator:MaxBodyBytes must be at least 1024 (it is 10)", message);
        Assert.Contains("Emulator:BusyTimeoutMs must not be negative (it is -1)", message);
    }
}
