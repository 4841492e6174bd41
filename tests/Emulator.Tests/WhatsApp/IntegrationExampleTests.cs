using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.WhatsApp;

/// <summary>The request examples Swagger UI shows for the WhatsApp, custom-app and webhook operations work as shown.</summary>
public sealed class IntegrationExampleTests
{
    [Fact]
    public async Task Every_integration_example_in_the_inbox_document_is_answered_200_in_order_on_a_fresh_emulator()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "OpenApi", "inbox.json")))!;
        var examples = new Dictionary<string, (string Method, string Path, string Body)>();
        foreach (var (path, item) in document["paths"]!.AsObject().Where(p => !p.Key.StartsWith("/inbox", StringComparison.Ordinal)))
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation!["requestBody"] is { } body)
                {
                    var example = body["content"]?["application/json"]?["example"];
                    Assert.True(example is not null, $"{method} {path} shows no example body in Swagger UI.");
                    examples[operation["operationId"]!.GetValue<string>()] = (method, path, example!.ToJsonString());
                }
            }
        }

        await using var emulator = new EmulatorFactory();
        // What the examples name: the template the control surface's example defines, a contact with the example's email.
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "OpenApi", "emulator.json")))!
            ["paths"]!["/_emulator/whatsapp/templates"]!["post"]!["requestBody"]!["content"]!["application/json"]!["example"]!;
        (await emulator.Control().SendRawAsync(HttpMethod.Post, "/_emulator/whatsapp/templates", template.ToJsonString())).Expect(HttpStatusCode.Created);
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("ravi", new { name = "Ravi", email = "ravi@example.com" }))).ExpectOk();

        var client = emulator.NodeClient();
        string[] order =
        [
            "SendWhatsAppMessage", "SendWhatsAppTemplate", "SendTemplateMessage", "GeneralAuthentication", "UpdateUserAttributes",
            "SendMessageToPlugin", "SubscribeTriggerEvent", "FetchSubscribedWebhooks",
        ];
        Assert.Equal(order.Order(), examples.Keys.Order());
        foreach (var id in order)
        {
            var (method, path, body) = examples[id];
            var url = path.StartsWith("/whatsapp-automation/wa/", StringComparison.Ordinal) ? $"{path}?apiKey={Emulator.DevelopmentTenant.WhatsAppApiKey}" : path;
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            });
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{id}: {(int)response.StatusCode} {text}");
        }
    }
}
