using System.Text.Json.Nodes;

namespace Emulator.Tests.Model;

/// <summary><c>POST /_emulator/clock/advance</c>: every later timestamp moves with the clock.</summary>
public sealed record AdvanceClock(int Ms) : Op
{
    public override async Task RunAsync(ModelDriver d)
    {
        await d.ControlAsync(HttpMethod.Post, "/_emulator/clock/advance", new JsonObject { ["ms"] = Ms }, 200);
        d.Model.Now = d.Model.Now.AddMilliseconds(Ms);
    }
}

/// <summary>The emulator stops and starts again on the same file: everything acknowledged is still there.</summary>
public sealed record Restart : Op
{
    public override Task RunAsync(ModelDriver d) => d.RestartAsync();
}

/// <summary><c>PUT /_emulator/snapshots/{name}</c>, or with <paramref name="Restore"/> <c>POST …/{name}/restore</c> (404 for a
/// name never saved): the stored data goes back to what it was when saved.</summary>
public sealed record Snapshot(string Name, bool Restore) : Op
{
    public override async Task RunAsync(ModelDriver d)
    {
        if (!Restore)
        {
            await d.ControlAsync(HttpMethod.Put, $"/_emulator/snapshots/{Name}", null, 200);
            d.Model.Save(Name);
            d.SaveSegments(Name);
            return;
        }

        var known = d.Model.Snapshots.ContainsKey(Name);
        await d.ControlAsync(HttpMethod.Post, $"/_emulator/snapshots/{Name}/restore", null, known ? 200 : 404);
        if (known)
        {
            d.Model.Restore(Name);
            d.RestoreSegments(Name);
        }
    }
}

/// <summary><c>POST /_emulator/reset?customerId=</c>: one tenant's chats and segments are gone; the other's stay.</summary>
public sealed record ResetTenant(int Tenant) : Op
{
    public override async Task RunAsync(ModelDriver d)
    {
        await d.ControlAsync(HttpMethod.Post, $"/_emulator/reset?customerId={ModelDriver.CustomerIds[Tenant]}", null, 200);
        d.Model.Chats[Tenant].Clear();
        d.Model.Segments[Tenant].Clear();
        d.SegmentIds[Tenant].Clear();
    }
}
