using System.Text.Json.Nodes;
using Emulator.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Emulator.Tests.Browser;

/// <summary>One emulator process and one Chromium for the inspector's browser tests; each test has its own browser context.</summary>
public class InspectorHost : IAsyncLifetime
{
    private DirectoryInfo _folder = null!;
    private IPlaywright _playwright = null!;

    /// <summary>The running emulator.</summary>
    public EmulatorProcess Emulator { get; private set; } = null!;

    /// <summary>The shared browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Settings beyond the database file, e.g. an admin key.</summary>
    internal Dictionary<string, string> Settings { get; } = [];

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("inbox-emulator-inspector-");
        Settings["ConnectionStrings__Emulator"] = $"Data Source={Path.Combine(_folder.FullName, "inspector.db")}";
        Configure(Settings);
        Emulator = await EmulatorProcess.StartAsync(_folder.FullName, Settings);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = SwaggerUiBrowserTests.Chromium, Headless = true });
    }

    /// <summary>Adds settings (environment variables) before the process starts.</summary>
    protected virtual void Configure(Dictionary<string, string> settings)
    {
    }

    /// <summary>Saves a full-page screenshot as <c>screenshots/{name}.png</c> beside the test assembly (the README shows two of them).</summary>
    public static Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        return page.ScreenshotAsync(new() { Path = Path.Combine(folder.FullName, name + ".png"), FullPage = true });
    }

    /// <summary>The address of an inspector page, e.g. <c>Url("/control")</c>.</summary>
    public string Url(string path = "") => $"{Emulator.BaseAddress.ToString().TrimEnd('/')}/_emulator/ui{path}";

    /// <summary>A runtime tenant of its own, so that the other tests' data stays apart.</summary>
    public async Task<(string CustomerId, string Token, string BotId)> NewTenantAsync()
    {
        using var created = await Emulator.CreateClient().PostAsync("/_emulator/tenants", System.Net.Http.Json.JsonContent.Create(new { }));
        var tenant = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        return (tenant["customerId"]!.GetValue<string>(), tenant["token"]!.GetValue<string>(), tenant["botId"]!.GetValue<string>());
    }

    /// <summary>Subscribes <paramref name="url"/> to <paramref name="event"/> of a bot, as the vendor's n8n node does.</summary>
    public async Task SubscribeAsync(string token, string botId, string @event, string url)
    {
        var node = Emulator.CreateClient();
        node.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        node.DefaultRequestHeaders.Add("authType", "Key");
        using var subscribed = await node.PostAsync("/integrations/custom-app/subscribe-trigger-event", System.Net.Http.Json.JsonContent.Create(new
        {
            webhookUrl = url,
            botId,
            @event,
            slug = "n8n",
            category = "n8n",
            platform = "website",
            subscribe = true,
        }));
        Xunit.Assert.Equal(System.Net.HttpStatusCode.OK, subscribed.StatusCode);
    }

    /// <summary>A client of the emulated API with the development tenant's token.</summary>
    public InboxClient Inbox() => new(Emulator.CreateClient(), EmulatorFactory.DevToken);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Emulator.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}

/// <summary>An inspector behind an admin key.</summary>
public sealed class GatedInspectorHost : InspectorHost
{
    /// <summary>The admin key it is started with.</summary>
    public const string Key = "inspector-admin-key";

    /// <inheritdoc />
    protected override void Configure(Dictionary<string, string> settings) => settings["Emulator__AdminKey"] = Key;
}

/// <summary>The inspector test classes that share one <see cref="InspectorHost"/> (one emulator process, one browser).</summary>
[CollectionDefinition(Name)]
public sealed class InspectorCollection : ICollectionFixture<InspectorHost>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Inspector";
}
