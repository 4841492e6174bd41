using Emulator.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Emulator.Tests.Browser;

/// <summary>
/// Swagger UI in a real browser (Debian's Chromium through Playwright), on an emulator listening on a port other than
/// 8080: "Try it out" must call the emulator the page was loaded from, not the document's fixed localhost:8080.
/// </summary>
public sealed class SwaggerUiBrowserTests
{
    /// <summary>Debian's Chromium, the build Playwright 1.64 expects; browsers are not downloaded.</summary>
    public const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Try_it_out_calls_the_emulator_the_page_was_loaded_from_on_a_port_other_than_8080()
    {
        var folder = Directory.CreateTempSubdirectory("inbox-emulator-browser-");
        try
        {
            await using var emulator = await EmulatorProcess.StartAsync(folder.FullName, new Dictionary<string, string>
            {
                ["ConnectionStrings__Emulator"] = $"Data Source={Path.Combine(folder.FullName, "browser.db")}",
            });
            var baseUrl = emulator.BaseAddress.ToString().TrimEnd('/');
            Assert.NotEqual(8080, emulator.BaseAddress.Port);

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
            var page = await browser.NewPageAsync();
            await page.GotoAsync($"{baseUrl}/swagger/index.html?urls.primaryName={Uri.EscapeDataString("Emulator control surface")}");

            await Assertions.Expect(page.Locator(".servers select option").First).ToHaveAttributeAsync("value", baseUrl);
            await page.Locator(".opblock-summary-path[data-path='/_emulator/health']").ClickAsync();
            await page.Locator(".try-out__btn").First.ClickAsync();
            await page.Locator(".btn.execute").First.ClickAsync();

            await Assertions.Expect(page.Locator(".request-url pre").First).ToHaveTextAsync($"{baseUrl}/_emulator/health");
            var answer = page.Locator(".responses-wrapper").First;
            await Assertions.Expect(answer).ToContainTextAsync("Server response");
            await Assertions.Expect(answer).ToContainTextAsync("\"status\": \"Healthy\"");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
