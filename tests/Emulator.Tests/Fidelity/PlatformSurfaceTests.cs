using System.Net;
using System.Text.RegularExpressions;
using Emulator.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Emulator.Tests.Fidelity;

/// <summary>What a client of the real platform meets before any data: its token's shape, and the envelope on every path.</summary>
public sealed class PlatformSurfaceTests
{
    [Fact]
    public async Task The_development_token_is_shaped_like_a_real_one_and_a_client_that_refuses_short_tokens_can_use_it()
    {
        await using var emulator = new EmulatorFactory();
        var token = EmulatorFactory.DevToken;

        // Real tokens: about 270 characters ending with _<customerId>_c; one client refuses 20 characters or fewer.
        Assert.InRange(token.Length, 250, 300);
        Assert.Matches($"^[A-Za-z0-9]+_{EmulatorFactory.DevCustomerId}_c$", token);
        (await emulator.Inbox(token).PutLeadAsync(InboxClient.Lead("u", new { name = "A" }))).ExpectOk();
        (await emulator.Inbox(token).SearchAsync(new { page = 1 })).ExpectOk();
    }

    [Fact]
    public async Task The_README_prints_the_development_token()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "README.md"));
        Assert.Contains(EmulatorFactory.DevToken, readme);
    }

    [Fact]
    public async Task Configured_tokens_stay_free_form()
    {
        await using var emulator = new EmulatorFactory(new Dictionary<string, string?>
        {
            ["Emulator:Tenants:1:Token"] = "short",
            ["Emulator:Tenants:1:CustomerId"] = "bbbbbbbbbbbbbbbbbbbbbbbb",
        });

        (await emulator.Inbox("short").SearchAsync(new { page = 1 })).ExpectOk();
        (await emulator.Inbox(EmulatorFactory.OtherToken).SearchAsync(new { page = 1 })).ExpectOk();
    }

    [Theory]
    [InlineData("POST", "/whatsapp-automation/wa/send-broadcast?apiKey=k", HttpStatusCode.NotFound)]
    [InlineData("GET", "/whatsapp-automation/analytics", HttpStatusCode.NotFound)]
    [InlineData("POST", "/integrations/custom-app/get-bot-details", HttpStatusCode.NotFound)]
    [InlineData("GET", "/inbox/direct/unknown", HttpStatusCode.NotFound)]
    [InlineData("GET", "/v2/anything/at/all", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/inbox/direct/chats", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/inbox/users", HttpStatusCode.MethodNotAllowed)]
    [InlineData("POST", "/", HttpStatusCode.MethodNotAllowed)]
    public async Task Every_path_outside_the_emulators_own_answers_in_the_platforms_envelope(string method, string path, HttpStatusCode status)
    {
        await using var emulator = new EmulatorFactory();
        var reply = (await emulator.Inbox().SendAsync(new HttpMethod(method), path, null, null)).Expect(status);
        Assert.Equal("application/json", reply.MediaType);
    }

    [Theory]
    [InlineData("/_emulator/unknown")]
    [InlineData("/swagger/unknown/swagger.json")]
    public async Task The_emulators_own_paths_answer_problem_details(string path)
    {
        await using var emulator = new EmulatorFactory();
        using var response = await emulator.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Opening_the_emulators_address_in_a_browser_lands_on_Swagger_UI()
    {
        await using var emulator = new EmulatorFactory();
        var client = emulator.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/swagger", response.Headers.Location?.OriginalString);

        using var page = await emulator.CreateClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Matches(new Regex("<title>Inbox Emulator</title>"), await page.Content.ReadAsStringAsync());
    }
}
