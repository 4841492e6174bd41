using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Emulator.Tests.Browser;

/// <summary>
/// The inspector's control page in a real browser: every form acts through the control surface's own services, so each test
/// checks the result through the control surface's HTTP endpoints or the emulated API, as a client would see it.
/// </summary>
[Collection(InspectorCollection.Name)]
public sealed class InspectorControlBrowserTests(InspectorHost host)
{
    [Fact]
    public async Task A_visitor_and_a_user_message_opened_from_the_page_cause_a_new_message_webhook_shown_with_its_status()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (customerId, token, botId) = await host.NewTenantAsync();
        var url = receiver.Url("message-hook");
        await host.SubscribeAsync(token, botId, "newMessageHook", url);

        await using var context = await host.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.Url("/control"));
        await page.GetByLabel("Bot").SelectOptionAsync($"{customerId}|WEBSITE|{botId}");
        await page.GetByLabel("Visitor name").FillAsync("Walk In");
        await page.GetByLabel("Email").FillAsync("walk.in@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open a chat" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("A visitor opened chat");

        // The message form is filled with the new chat's id.
        var chatId = await page.Locator("form[aria-labelledby=message-heading]").GetByLabel("Chat id").InputValueAsync();
        Assert.Matches("^[0-9a-f]{24}$", chatId);
        await page.GetByLabel("Text").FillAsync("Do you ship to Pune?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the message" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"The user sent a message to chat {chatId}.");

        var contact = (await new InboxClient(host.Emulator.CreateClient(), token).SearchAsync(new { searchText = "walk.in@example.com" })).Data.Single()!;
        Assert.Equal(chatId, contact["_id"]!.GetValue<string>());
        Assert.Equal("Do you ship to Pune?", contact["lastMessage"]!["text"]!.GetValue<string>());
        using var delivered = await host.Emulator.CreateClient().GetAsync($"/_emulator/webhooks/deliveries/wait?customerId={customerId}&event=newMessageHook&timeoutMs=10000");
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);

        await page.GotoAsync(host.Url($"/webhooks?customerId={customerId}"));
        var row = page.Locator("table", new() { HasText = "Deliveries" }).Locator("tbody tr", new() { HasText = "newMessageHook" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync(url);
        await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("delivered");
        await Assertions.Expect(row.Locator("td").Nth(5)).ToHaveTextAsync("200");
        Assert.Contains(receiver.At("message-hook"), body => body.ToJsonString().Contains(chatId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fault_rule_added_on_the_page_is_the_control_surfaces_shapes_the_api_and_is_removed_by_its_button()
    {
        var control = host.Emulator.CreateClient();
        var (customerId, token, botId) = await host.NewTenantAsync();
        await using var context = await host.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.Url("/control"));
        try
        {
            // The endpoint's validator speaks for the form.
            await page.GetByLabel("Answer status").FillAsync("99");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add rule" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("status must be from 400 to 599.");
            Assert.Empty(JsonNode.Parse(await control.GetStringAsync("/_emulator/faults"))!.AsArray());

            await page.GetByLabel("Only method").SelectOptionAsync("PUT");
            await page.GetByLabel("Only path (* for any run)").FillAsync("/inbox/direct/lead");
            await page.GetByLabel("Only tenant").SelectOptionAsync(customerId);
            await page.GetByLabel("Answer status").FillAsync("503");
            await page.GetByLabel("Retry-After (s)").FillAsync("2");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add rule" }).ClickAsync();
            var listed = JsonNode.Parse(await control.GetStringAsync("/_emulator/faults"))!.AsArray().Single()!;
            Assert.Equal("PUT", listed["rule"]!["method"]!.GetValue<string>());
            Assert.Equal(customerId, listed["rule"]!["customerId"]!.GetValue<string>());
            var id = listed["id"]!.GetValue<string>();
            await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = id })).ToContainTextAsync("answer 503, Retry-After 2 s");

            var put = await new InboxClient(host.Emulator.CreateClient(), token).PutLeadAsync(InboxClient.Lead("faulted", new { name = "Faulted" }, botId, customerId));
            Assert.Equal((HttpStatusCode)503, put.Status);
            await page.ReloadAsync(); // after the redirect, a reload repeats nothing
            await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = id }).Locator("td").Nth(3)).ToHaveTextAsync("1");

            // Enter in an add field submits the add form (refused here, the value kept), never a row's Remove button.
            await page.GetByLabel("Answer status").FillAsync("42");
            await page.GetByLabel("Answer status").PressAsync("Enter");
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("status must be from 400 to 599.");
            await Assertions.Expect(page.GetByLabel("Answer status")).ToHaveValueAsync("42");
            Assert.Single(JsonNode.Parse(await control.GetStringAsync("/_emulator/faults"))!.AsArray());

            await page.GetByRole(AriaRole.Button, new() { Name = $"Remove rule {id}" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = id })).ToHaveCountAsync(0);
            Assert.Empty(JsonNode.Parse(await control.GetStringAsync("/_emulator/faults"))!.AsArray());
        }
        finally
        {
            using var cleared = await control.DeleteAsync("/_emulator/faults");
        }
    }

    [Fact]
    public async Task The_clock_pinned_advanced_and_released_on_the_page_is_the_one_get_clock_answers()
    {
        var control = host.Emulator.CreateClient();
        await using var context = await host.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.Url("/control"));
        try
        {
            await page.GetByLabel("Pin at (ISO 8601 UTC)").FillAsync("2024-02-29T12:00:00.000Z");
            await page.GetByRole(AriaRole.Button, new() { Name = "Pin", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#clock-state")).ToHaveTextAsync("Now: 2024-02-29T12:00:00.000Z, pinned.");
            var clock = JsonNode.Parse(await control.GetStringAsync("/_emulator/clock"))!;
            Assert.Equal("2024-02-29T12:00:00.000Z", clock["now"]!.GetValue<string>());
            Assert.True(clock["pinned"]!.GetValue<bool>());

            await page.GetByLabel("Advance by (ms; negative goes back)").FillAsync("3600000");
            await page.GetByRole(AriaRole.Button, new() { Name = "Advance" }).ClickAsync();
            await Assertions.Expect(page.Locator("#clock-state")).ToHaveTextAsync("Now: 2024-02-29T13:00:00.000Z, pinned.");

            await page.GetByLabel("Advance by (ms; negative goes back)").FillAsync("an hour");
            await page.GetByRole(AriaRole.Button, new() { Name = "Advance" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("ms must be a whole number.");
            Assert.Equal("2024-02-29T13:00:00.000Z", JsonNode.Parse(await control.GetStringAsync("/_emulator/clock"))!["now"]!.GetValue<string>());

            await page.GetByRole(AriaRole.Button, new() { Name = "Back to real time" }).ClickAsync();
            await Assertions.Expect(page.Locator("#clock-state")).ToContainTextAsync("real time");
            Assert.False(JsonNode.Parse(await control.GetStringAsync("/_emulator/clock"))!["pinned"]!.GetValue<bool>());
        }
        finally
        {
            using var released = await control.DeleteAsync("/_emulator/clock");
        }
    }

    [Fact]
    public async Task A_snapshot_saved_on_the_page_brings_a_deleted_lead_back_when_restored_and_is_gone_when_deleted()
    {
        var control = host.Emulator.CreateClient();
        var (customerId, token, botId) = await host.NewTenantAsync();
        var inbox = new InboxClient(host.Emulator.CreateClient(), token);
        Assert.Equal(HttpStatusCode.OK, (await inbox.PutLeadAsync(InboxClient.Lead("kept", new { name = "Kept Lead" }, botId, customerId))).Status);
        var name = $"ui-{Guid.NewGuid():N}"[..12];

        await using var context = await host.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.Url("/control"));
        await page.GetByLabel("Snapshot name").FillAsync(name);
        await page.GetByLabel("Snapshot name").PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Saved {name}");
        Assert.Contains(JsonNode.Parse(await control.GetStringAsync("/_emulator/snapshots"))!.AsArray(), s => s!["name"]!.GetValue<string>() == name);

        using (var reset = await control.PostAsync($"/_emulator/reset?customerId={customerId}", null))
        {
            Assert.True(reset.IsSuccessStatusCode);
        }

        Assert.Empty((await inbox.SearchAsync(new { })).Data);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Restore {name}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Restored {name}");
        Assert.Equal("Kept Lead", (await inbox.SearchAsync(new { })).Data.Single()!["profile"]!["userDetails"]!["name"]!.GetValue<string>());

        // Enter in the name field saves; it never presses a row's Restore (which would bring back the tenant's lead).
        (await control.PostAsync($"/_emulator/reset?customerId={customerId}", null)).Dispose();
        await page.GetByLabel("Snapshot name").FillAsync(name + "-2");
        await page.GetByLabel("Snapshot name").PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Saved {name}-2");
        Assert.Empty((await inbox.SearchAsync(new { })).Data);
        using (var dropped = await control.DeleteAsync($"/_emulator/snapshots/{name}-2"))
        {
            Assert.Equal(HttpStatusCode.NoContent, dropped.StatusCode);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Deleted {name}.");
        Assert.DoesNotContain(JsonNode.Parse(await control.GetStringAsync("/_emulator/snapshots"))!.AsArray(), s => s!["name"]!.GetValue<string>() == name);
        await InspectorHost.ScreenshotAsync(page, "control");
    }
}
