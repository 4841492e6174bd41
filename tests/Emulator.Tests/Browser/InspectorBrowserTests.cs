using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Emulator.Tests.Browser;

/// <summary>The inspector's pages in a real browser (Debian's Chromium through Playwright), against data written through the
/// emulated API as a client writes it.</summary>
[Collection(InspectorCollection.Name)]
public sealed class InspectorBrowserTests(InspectorHost host)
{
    private string Contacts => $"{host.Emulator.BaseAddress.ToString().TrimEnd('/')}/_emulator/ui/tenants/{EmulatorFactory.DevCustomerId}/contacts";

    [Fact]
    public async Task A_lead_put_through_the_api_is_listed_and_a_name_written_as_markup_stays_text()
    {
        var uuid = $"inert-{Guid.NewGuid():N}";
        const string name = "<img src=x onerror=\"document.title='pwned'\">";
        Assert.Equal(System.Net.HttpStatusCode.OK, (await host.Inbox().PutLeadAsync(InboxClient.Lead(uuid, new { name, tags = new[] { "inert" } }))).Status);

        await using var context = await host.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        var response = await page.GotoAsync(Contacts);

        var csp = response!.Headers["content-security-policy"];
        Assert.Contains("default-src 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("main img").CountAsync());
        Assert.NotEqual("pwned", await page.TitleAsync());
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task The_filtered_list_is_the_answer_of_post_inbox_users_for_the_same_filters()
    {
        var tag = $"t{Guid.NewGuid():N}"[..12];
        var inbox = host.Inbox();
        for (var i = 0; i < 4; i++)
        {
            var tags = i % 2 == 0 ? new[] { tag } : new[] { "other" };
            await inbox.PutLeadAsync(InboxClient.Lead($"filter-{tag}-{i}", new { name = $"Filter {tag} {i}", tags }));
        }

        var answer = await inbox.SearchAsync(new { tags = new[] { tag }, status = new[] { "OPEN" } });
        var expected = answer.Data.Select(c => c!["profile"]!["userDetails"]!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(2, expected.Count);

        await using var context = await host.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Contacts);
        await page.GetByLabel("Tags").FillAsync(tag);
        await page.GetByLabel("Status").SelectOptionAsync("OPEN");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(expected.Count);
        Assert.Equal(expected, await page.Locator("tbody tr td:first-child").AllInnerTextsAsync());
        await InspectorHost.ScreenshotAsync(page, "contacts");
    }

    [Fact]
    public async Task A_request_appears_in_the_live_journal_without_a_reload_and_opens_to_its_redacted_headers_and_bodies()
    {
        await using var context = await host.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var navigations = 0;
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) navigations++; };
        await page.GotoAsync($"{host.Emulator.BaseAddress.ToString().TrimEnd('/')}/_emulator/ui/requests?path={Uri.EscapeDataString("/inbox/*")}");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Live: new requests appear at the top.");

        // A request the filter leaves out, then one it keeps: only the second appears.
        var probe = Guid.NewGuid().ToString("N");
        using var health = await host.Emulator.CreateClient().GetAsync($"/_emulator/health?probe={probe}");
        var put = await host.Inbox().SendAsync(HttpMethod.Put, $"/inbox/direct/lead?probe={probe}",
            System.Net.Http.Json.JsonContent.Create(InboxClient.Lead($"live-{probe}", new { name = "Live" })), "x-bp-token");
        Assert.Equal(System.Net.HttpStatusCode.OK, put.Status);

        var row = page.GetByRole(AriaRole.Link, new() { Name = $"/inbox/direct/lead?probe={probe}", Exact = true });
        await Assertions.Expect(row).ToBeVisibleAsync();
        Assert.Equal(1, navigations);
        Assert.Equal(0, await page.GetByText($"/_emulator/health?probe={probe}").CountAsync());
        await InspectorHost.ScreenshotAsync(page, "requests");

        await row.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"PUT /inbox/direct/lead?probe={probe}");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "x-bp-token" })).ToContainTextAsync("[redacted]");
        Assert.Equal(0, await page.GetByText(EmulatorFactory.DevToken).CountAsync());
        await Assertions.Expect(page.Locator("#request ~ pre, section[aria-labelledby=request] pre").First).ToContainTextAsync($"live-{probe}");
        await Assertions.Expect(page.Locator("section[aria-labelledby=response] pre")).ToContainTextAsync("\"success\":true");
    }

    [Fact]
    public async Task A_tenant_reset_from_the_control_page_empties_its_contact_list_after_a_confirmation()
    {
        var (customerId, token, botId) = await host.NewTenantAsync();
        var inbox = new InboxClient(host.Emulator.CreateClient(), token);
        var put = await inbox.PutLeadAsync(InboxClient.Lead("to-reset", new { name = "Reset Me" }, botId, customerId));
        Assert.Equal(System.Net.HttpStatusCode.OK, put.Status);

        await using var context = await host.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var contacts = $"{host.Emulator.BaseAddress.ToString().TrimEnd('/')}/_emulator/ui/tenants/{customerId}/contacts";
        await page.GotoAsync(contacts);
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Link, new() { Name = "Control" }).ClickAsync();
        await page.GetByLabel("Reset what").SelectOptionAsync(customerId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset" }).ClickAsync();

        // The browser refuses the form without the confirmation; nothing is deleted.
        Assert.Equal(0, await page.GetByRole(AriaRole.Status).CountAsync());
        await page.GetByLabel("Yes, delete it").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Tenant {customerId} was reset; chats deleted: 1.");

        await page.GotoAsync(contacts);
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_new_lead_webhook_delivery_shows_with_its_subscription_outcome_and_status()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (customerId, token, botId) = await host.NewTenantAsync();
        var url = receiver.Url("inspector-hook");
        await host.SubscribeAsync(token, botId, "newLeadHook", url);
        var put = await new InboxClient(host.Emulator.CreateClient(), token).PutLeadAsync(InboxClient.Lead("hooked", new { name = "Hooked" }, botId, customerId));
        Assert.Equal(System.Net.HttpStatusCode.OK, put.Status);
        using var delivered = await host.Emulator.CreateClient().GetAsync($"/_emulator/webhooks/deliveries/wait?customerId={customerId}&timeoutMs=10000");
        Assert.Equal(System.Net.HttpStatusCode.OK, delivered.StatusCode);

        await using var context = await host.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{host.Emulator.BaseAddress.ToString().TrimEnd('/')}/_emulator/ui/webhooks");
        await page.GetByRole(AriaRole.Combobox).SelectOptionAsync(customerId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Assertions.Expect(page.Locator("table", new() { HasText = "Subscriptions of" }).Locator("tbody tr")).ToContainTextAsync(["newLeadHook"]);
        var row = page.Locator("table", new() { HasText = "Deliveries" }).Locator("tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("newLeadHook");
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync(url);
        await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("delivered");
        await Assertions.Expect(row.Locator("td").Nth(5)).ToHaveTextAsync("200");
        await InspectorHost.ScreenshotAsync(page, "webhooks");
    }

    [Fact]
    public async Task The_webhook_switches_set_from_the_page_are_the_control_surfaces_and_keep_its_rules()
    {
        await using var context = await host.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{host.Emulator.BaseAddress.ToString().TrimEnd('/')}/_emulator/ui/webhooks");
        var control = host.Emulator.CreateClient();
        try
        {
            await page.GetByLabel("Fail every attempt with status").FillAsync("99");
            await page.GetByRole(AriaRole.Button, new() { Name = "Set switches" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("failStatus must be from 400 to 599.");
            Assert.Null(JsonNode.Parse(await control.GetStringAsync("/_emulator/webhooks/control"))!["failStatus"]);

            await page.GetByLabel("Fail every attempt with status").FillAsync("503");
            await page.GetByRole(AriaRole.Button, new() { Name = "Set switches" }).ClickAsync();
            await Assertions.Expect(page.Locator("#switches-state")).ToHaveTextAsync("Now: delivering, every attempt fails with 503.");
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Switches set.");
            Assert.Equal(503, JsonNode.Parse(await control.GetStringAsync("/_emulator/webhooks/control"))!["failStatus"]!.GetValue<int>());
        }
        finally
        {
            // The switches are shared by every test of the class: back to normal delivery.
            using var reset = await control.PutAsync("/_emulator/webhooks/control", System.Net.Http.Json.JsonContent.Create(new { }));
        }
    }

    [Fact]
    public async Task A_contacts_page_shows_the_json_the_api_returns_for_it()
    {
        var uuid = $"json-{Guid.NewGuid():N}";
        var inbox = host.Inbox();
        await inbox.PutLeadAsync(InboxClient.Lead(uuid, new { name = "Json Person", email = "json@example.com", tags = new[] { "json" } }));
        var contact = (await inbox.SearchAsync(new { searchText = "json@example.com" })).Data.Single(c => c!["uuid"]!.GetValue<string>() == uuid)!;

        await using var context = await host.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Contacts);
        await page.GetByRole(AriaRole.Link, new() { Name = "Json Person", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Json Person" })).ToBeVisibleAsync();
        var shown = JsonNode.Parse(await page.Locator("pre code").InnerTextAsync());
        Assert.True(JsonNode.DeepEquals(contact, shown), $"page: {shown}\napi: {contact}");
        await InspectorHost.ScreenshotAsync(page, "contact");
    }
}

/// <summary>The inspector behind <c>Emulator:AdminKey</c>, in a real browser.</summary>
public sealed class InspectorAdminKeyTests(GatedInspectorHost host) : IClassFixture<GatedInspectorHost>
{
    [Fact]
    public async Task With_an_admin_key_every_page_needs_a_sign_in_that_sets_an_http_only_cookie_and_no_key_in_urls()
    {
        var root = $"{host.Emulator.BaseAddress.ToString().TrimEnd('/')}/_emulator/ui";
        await using var context = await host.Browser.NewContextAsync();
        await Axe.InstallAsync(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(root);
        Assert.EndsWith("/_emulator/ui/sign-in", page.Url);
        Assert.Empty(await Axe.SeriousViolationsAsync(page));

        await page.GetByLabel("Admin key").FillAsync("not-the-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("That is not the admin key.");
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "inbox-emulator-inspector");

        await page.GetByLabel("Admin key").FillAsync(GatedInspectorHost.Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tenants", Exact = true })).ToBeVisibleAsync();
        Assert.Equal(root, page.Url);
        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == "inbox-emulator-inspector");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.DoesNotContain(GatedInspectorHost.Key, cookie.Value);

        // Another browser without the cookie is sent to the sign-in page from any page.
        await using var stranger = await host.Browser.NewContextAsync();
        var other = await stranger.NewPageAsync();
        await other.GotoAsync($"{root}/tenants/{EmulatorFactory.DevCustomerId}/contacts");
        Assert.EndsWith("/_emulator/ui/sign-in", other.Url);
        Assert.Equal(0, await other.GetByText(EmulatorFactory.DevToken).CountAsync());
    }
}
