using System.Net;
using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Emulator.Tests.Browser;

/// <summary>
/// Every inspector page, with data on it, scanned by axe-core (pinned in <c>tools/package.json</c>, installed by
/// <c>npm ci --prefix tools</c>), laid out in a narrow window, and used from the keyboard alone.
/// </summary>
[Collection(InspectorCollection.Name)]
public sealed class InspectorAccessibilityTests(InspectorHost host)
{
    [Fact]
    public async Task Every_page_passes_an_axe_core_scan_with_no_serious_or_critical_violation()
    {
        var pages = await PagesWithDataAsync();
        await using var context = await host.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await Axe.InstallAsync(context);
        var page = await context.NewPageAsync();
        var found = new List<string>();
        foreach (var path in pages)
        {
            await page.GotoAsync(host.Url(path));
            found.AddRange((await Axe.SeriousViolationsAsync(page)).Select(v => $"{path}: {v}"));
        }

        Assert.True(found.Count == 0, string.Join('\n', found));
    }

    [Fact]
    public async Task Every_page_fits_a_narrow_window_without_sideways_scrolling()
    {
        var pages = await PagesWithDataAsync();
        await using var context = await host.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 360, Height = 740 } });
        var page = await context.NewPageAsync();
        var overflowing = new List<string>();
        foreach (var path in pages)
        {
            await page.GotoAsync(host.Url(path));
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            if (widths[0] > widths[1])
            {
                var wide = await page.EvaluateAsync<string>("""
                    () => [...document.querySelectorAll("main *")].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth)
                      .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > document.documentElement.clientWidth))
                      .map(e => e.outerHTML.slice(0, 80)).slice(0, 3).join(" | ")
                    """);
                overflowing.Add($"{path}: {widths[0]} px wide in a {widths[1]} px window; widest: {wide}");
            }
        }

        Assert.True(overflowing.Count == 0, string.Join('\n', overflowing));
        await page.GotoAsync(host.Url(pages[1]));
        await InspectorHost.ScreenshotAsync(page, "narrow-contacts");
    }

    [Fact]
    public async Task The_contact_filters_work_from_the_keyboard_alone_with_a_visible_focus()
    {
        var (customerId, token, botId) = await host.NewTenantAsync();
        var inbox = new InboxClient(host.Emulator.CreateClient(), token);
        foreach (var name in new[] { "Keyboard Kim", "Mouse Max" })
        {
            Assert.Equal(HttpStatusCode.OK, (await inbox.PutLeadAsync(InboxClient.Lead(name.Replace(' ', '-'), new { name }, botId, customerId))).Status);
        }

        await using var context = await host.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.Url($"/tenants/{customerId}/contacts"));

        // The first stop skips the navigation; from there Tab reaches the search box.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        for (var presses = 0; presses < 10 && await page.EvaluateAsync<string>("() => document.activeElement.name") != "searchText"; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("searchText", await page.EvaluateAsync<string>("() => document.activeElement.name"));
        // The stylesheet's focus outline (3 px solid), not only the browser's default ring.
        Assert.Equal("solid 3px", await page.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; }"));
        await page.Keyboard.TypeAsync("kim");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("tbody tr td").First).ToHaveTextAsync("Keyboard Kim");
    }

    // Every page of the inspector, each with something on it: a tenant with a lead, a WhatsApp send, a journal entry.
    private async Task<List<string>> PagesWithDataAsync()
    {
        var (customerId, token, botId) = await host.NewTenantAsync();
        var control = host.Emulator.CreateClient();
        var inbox = new InboxClient(host.Emulator.CreateClient(), token);
        Assert.Equal(HttpStatusCode.OK, (await inbox.PutLeadAsync(InboxClient.Lead("scanned", new { name = "Scan Me", email = "scan@example.com", tags = new[] { "a11y" } }, botId, customerId))).Status);
        var contactId = (await inbox.SearchAsync(new { searchText = "scan@example.com" })).Data.Single()!["_id"]!.GetValue<string>();
        var requestId = JsonNode.Parse(await control.GetStringAsync($"/_emulator/requests?customerId={customerId}"))!.AsArray()[0]!["id"]!.GetValue<long>();
        return
        [
            "",
            $"/tenants/{customerId}/contacts",
            $"/tenants/{customerId}/contacts/{contactId}",
            "/requests",
            $"/requests/{requestId}",
            $"/whatsapp?customerId={customerId}",
            $"/webhooks?customerId={customerId}",
            "/control",
            "/sign-in",
        ];
    }
}
