using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Emulator.Tests.Browser;

/// <summary>The inspector's contact list and contact page in a real browser, checked against the emulated API's answers.</summary>
[Collection(InspectorCollection.Name)]
public sealed class InspectorContactsBrowserTests(InspectorHost host)
{
    [Fact]
    public async Task Channel_lead_and_date_filters_list_exactly_what_post_inbox_users_answers_for_the_same_body()
    {
        var (customerId, token, _) = await host.NewTenantAsync();
        var control = host.Emulator.CreateClient();
        var bots = JsonNode.Parse(await control.GetStringAsync("/_emulator/tenants"))!.AsArray()
            .Single(t => t!["customerId"]!.GetValue<string>() == customerId)!["bots"]!.AsObject().ToDictionary(b => b.Key, b => b.Value!.GetValue<string>());
        var visitors = new (string Channel, string? Name, string? Email, string? Phone)[]
        {
            ("WEBSITE", "Web Lead", "web.lead@example.com", null),
            ("WHATSAPP", "Wa Lead", null, "9876543210"),
            ("TELEGRAM", null, null, null),
            ("WHATSAPP", null, null, null),
            ("WEBSITE", null, null, null),
        };
        foreach (var (channel, name, email, phone) in visitors)
        {
            using var opened = await control.PostAsJsonAsync("/_emulator/visitors", new { customerId, botId = bots[channel], channel, name, email, phone });
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        }

        var inbox = new InboxClient(host.Emulator.CreateClient(), token);
        var all = (await inbox.SearchAsync(new { })).Data;
        Assert.Equal(visitors.Length, all.Count);
        var cut = all.Select(c => c!["createdAt"]!.GetValue<string>()).Order(StringComparer.Ordinal).First();

        await using var context = await host.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        async Task<List<string>> ListedAsync()
        {
            var hrefs = await page.Locator("tbody tr td:first-child a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            return hrefs.Select(h => h.Split('/')[^1]).ToList();
        }

        async Task<List<string>> AnswerAsync(object body) => (await inbox.SearchAsync(body)).Data.Select(c => c!["_id"]!.GetValue<string>()).ToList();

        // Through the form, as a tester uses it.
        await page.GotoAsync(InspectorSetupUrl(customerId));
        await page.GetByLabel("Channel (bot)").SelectOptionAsync($"WHATSAPP|{bots["WHATSAPP"]}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var expected = await AnswerAsync(new { _botWhatsapp = new[] { bots["WHATSAPP"] } });
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, await ListedAsync());

        await page.GetByLabel("Channel (bot)").SelectOptionAsync("");
        await page.GetByLabel("Leads", new() { Exact = true }).SelectOptionAsync("false");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        expected = await AnswerAsync(new { isContact = false, applicableFilters = new[] { "isContact" } });
        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, await ListedAsync());

        await page.GetByLabel("Leads", new() { Exact = true }).SelectOptionAsync("true");
        await page.GetByLabel("Created after").FillAsync(cut);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        expected = await AnswerAsync(new { isContact = true, createdAt = new { startAt = cut, endsAt = "" } });
        Assert.Equal(expected, await ListedAsync());
        Assert.Single(expected);

        // A value the endpoint refuses is refused with its message, and nothing is listed.
        await page.GetByLabel("Created after").FillAsync("yesterday");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var refused = await inbox.SearchAsync(new { createdAt = new { startAt = "yesterday", endsAt = "" } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(1);
        Assert.Contains("createdAt", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await ListedAsync());

        // A page number that is not one is refused in words, as the endpoint refuses it, not with an error page.
        var response = await page.GotoAsync(InspectorSetupUrl(customerId) + "?page=abc");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("page must be a whole number.");
    }

    [Fact]
    public async Task A_contacts_page_lists_the_requests_that_named_or_returned_it_and_its_orders()
    {
        var (customerId, token, botId) = await host.NewTenantAsync();
        var inbox = new InboxClient(host.Emulator.CreateClient(), token);
        Assert.Equal(HttpStatusCode.OK, (await inbox.PutLeadAsync(InboxClient.Lead("journal-uuid", new { name = "Journal Person", email = "journal@example.com" }, botId, customerId))).Status);
        Assert.Equal(HttpStatusCode.OK, (await inbox.PutLeadAsync(InboxClient.Lead("other-uuid", new { name = "Other Person" }, botId, customerId))).Status);
        // The same uuid on another bot of the tenant is another contact (a uuid is unique per bot).
        var otherBot = JsonNode.Parse(await host.Emulator.CreateClient().GetStringAsync("/_emulator/tenants"))!.AsArray()
            .Single(t => t!["customerId"]!.GetValue<string>() == customerId)!["bots"]!["WHATSAPP"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await inbox.PutLeadAsync(InboxClient.Lead("journal-uuid", new { name = "Same Uuid" }, otherBot, customerId))).Status);
        var id = (await inbox.SearchAsync(new { searchText = "journal@example.com" })).Data.Single()!["_id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await inbox.UpdateContactAsync(id, new { status = "REVIEW" })).Status);
        using (var ordered = await host.Emulator.CreateClient().PostAsJsonAsync($"/_emulator/chats/{id}/orders", new { at = "2024-03-01T10:00:00.000Z" }))
        {
            Assert.Equal(HttpStatusCode.OK, ordered.StatusCode);
        }

        await using var context = await host.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.Url($"/tenants/{customerId}/contacts/{id}"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Journal Person");
        await Assertions.Expect(page.Locator("dt:text-is('Orders') + dd")).ToHaveTextAsync("ordered, last at 2024-03-01T10:00:00.000Z");

        // The lead PUT that named its uuid, the search that returned it and the update that named its id; not the other
        // leads' PUTs (another uuid; the same uuid on another bot).
        var requests = page.Locator("table", new() { HasText = "Requests that named or returned this contact" }).Locator("tbody tr");
        await Assertions.Expect(requests).ToHaveCountAsync(3);
        Assert.Equal(["PUT", "POST", "PUT"], await requests.Locator("td:nth-child(2)").AllInnerTextsAsync());
        Assert.Equal([$"/inbox/users/{id}", "/inbox/users", "/inbox/direct/lead"], await requests.Locator("td:nth-child(3)").AllInnerTextsAsync());
        await requests.Last.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=request] pre").First).ToContainTextAsync("journal-uuid");
    }

    private string InspectorSetupUrl(string customerId) => host.Url($"/tenants/{customerId}/contacts");
}
