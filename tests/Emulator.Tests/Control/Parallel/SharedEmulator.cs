using System.Net;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Control.Parallel;

/// <summary>
/// One emulator shared by every test class in this folder. xunit runs the classes in parallel, so their tests really do
/// run at the same time against the same emulator, each in a tenant of its own, as an integrator's suite would.
/// </summary>
public static class SharedEmulator
{
    private static readonly Lazy<EmulatorFactory> Instance = new(() =>
    {
        var emulator = new EmulatorFactory();
        _ = emulator.Server; // started once, before any test uses it concurrently
        AppDomain.CurrentDomain.ProcessExit += (_, _) => emulator.Dispose();
        return emulator;
    });

    public static EmulatorFactory Emulator => Instance.Value;

    /// <summary>A fresh tenant: its token, customer id and website bot id.</summary>
    public static Task<(string Token, string CustomerId, string BotId)> NewTenantAsync() => Emulator.Control().CreateTenantAsync();

    /// <summary>The journal entries of one tenant, waited for until there are <paramref name="count"/>.</summary>
    public static async Task<System.Text.Json.Nodes.JsonArray> WaitForRequestsAsync(string customerId, int count) =>
        (await Emulator.Control().GetAsync($"/_emulator/requests/wait?customerId={customerId}&count={count}&timeoutMs=30000"))
            .Expect(HttpStatusCode.OK).Array;

    /// <summary>Pushes <paramref name="count"/> leads into the tenant and checks they are listed, newest first, and no one else's.</summary>
    public static async Task PushAndListAsync(string prefix, int count)
    {
        var (token, customerId, botId) = await NewTenantAsync();
        var inbox = Emulator.Inbox(token);
        for (var i = 0; i < count; i++)
        {
            (await inbox.PutLeadAsync(InboxClient.Lead($"{prefix}-{i}", new { name = $"{prefix}-{i}" }, botId, customerId))).ExpectOk();
        }

        var names = (await inbox.ListChatsAsync(botId: botId, customerId: customerId)).ExpectOk().Data
            .Select(c => c!["profile"]!["userDetails"]!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(Enumerable.Range(0, count).Reverse().Select(i => $"{prefix}-{i}"), names);
        Assert.Equal(count + 1, (await WaitForRequestsAsync(customerId, count + 1)).Count);
    }
}
