using System.Net;
using System.Text;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Regressions;

/// <summary>A null where a validator expected an object or a string is a 400 naming it, not a 500.</summary>
public sealed class NullMemberTests
{
    [Fact]
    public async Task A_template_send_with_a_null_parameter_group_is_a_400()
    {
        await using var emulator = new EmulatorFactory();
        using var response = await emulator.CreateClient().PostAsync($"/whatsapp-automation/wa/send-template?apiKey={Emulator.DevelopmentTenant.WhatsAppApiKey}",
            new StringContent("""{"wa_id": "919876543210", "templateId": "65a1b2c3d4e5f60718293a4b", "params": [null]}""", Encoding.UTF8, "application/json"));
        var reply = new Reply(response.StatusCode, await response.Content.ReadAsStringAsync(), null).Expect(HttpStatusCode.BadRequest);
        Assert.Contains(reply.Messages, m => m.StartsWith("params[0] must be", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tenant_with_a_null_bot_id_is_a_400_problem()
    {
        await using var emulator = new EmulatorFactory();
        var problem = (await emulator.Control().SendRawAsync(HttpMethod.Post, "/_emulator/tenants", """{"bots": {"WEBSITE": null}}"""))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("bots", problem["errors"]!.ToJsonString());
    }
}
