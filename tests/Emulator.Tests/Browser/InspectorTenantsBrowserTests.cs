using System.Net;
using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Emulator.Tests.Browser;

/// <summary>The inspector's tenants page in a real browser: runtime tenants created and deleted there are the control surface's.</summary>
[Collection(InspectorCollection.Name)]
public sealed class InspectorTenantsBrowserTests(InspectorHost host)
{
    [Fact]
    public async Task A_tenant_created_on_the_page_takes_leads_with_the_token_its_copy_button_copies_and_deleting_it_revokes_the_token()
    {
        var customerId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..24];
        await using var context = await host.Browser.NewContextAsync(new() { Permissions = ["clipboard-read", "clipboard-write"] });
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.Url());

        // The validator of POST /_emulator/tenants speaks for the form.
        await page.GetByLabel("Customer id (24 hex)").FillAsync("not-hex");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the tenant" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("customerId must be 24 lowercase hex characters.");

        await page.GetByLabel("Customer id (24 hex)").FillAsync(customerId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the tenant" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Created tenant {customerId}.");
        var tenant = JsonNode.Parse(await host.Emulator.CreateClient().GetStringAsync("/_emulator/tenants"))!.AsArray()
            .Single(t => t!["customerId"]!.GetValue<string>() == customerId)!;
        Assert.Equal("runtime", tenant["source"]!.GetValue<string>());
        var token = tenant["token"]!.GetValue<string>();

        await page.GetByRole(AriaRole.Button, new() { Name = $"Copy the API token of {customerId}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Copy the API token of {customerId}" })).ToHaveTextAsync("Copied");
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(token, copied);
        var inbox = new InboxClient(host.Emulator.CreateClient(), copied);
        var botId = tenant["botId"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await inbox.PutLeadAsync(InboxClient.Lead("created-on-page", new { name = "Page Tenant" }, botId, customerId))).Status);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Copy the WhatsApp apiKey of {customerId}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Copy the WhatsApp apiKey of {customerId}" })).ToHaveTextAsync("Copied");
        Assert.Equal(tenant["whatsAppApiKey"]!.GetValue<string>(), await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await InspectorHost.ScreenshotAsync(page, "tenants");

        await page.GetByLabel("Runtime tenant", new() { Exact = true }).SelectOptionAsync(customerId);
        await page.GetByLabel("Yes, delete it and its data").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete the tenant" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Deleted tenant {customerId}.");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = customerId })).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.Unauthorized, (await inbox.PutLeadAsync(InboxClient.Lead("after-delete", new { name = "Gone" }, botId, customerId))).Status);
    }

    [Fact]
    public async Task The_development_tenant_cannot_be_chosen_for_deletion()
    {
        await using var context = await host.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.Url());
        var options = await page.GetByLabel("Runtime tenant", new() { Exact = true }).Locator("option").AllInnerTextsAsync();
        Assert.DoesNotContain(EmulatorFactory.DevCustomerId, options);
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = EmulatorFactory.DevCustomerId }).First).ToContainTextAsync("development");
    }
}
