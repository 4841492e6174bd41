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
            d.SaveIds(Name);
            return;
        }

        var known = d.Model.Snapshots.ContainsKey(Name);
        await d.ControlAsync(HttpMethod.Post, $"/_emulator/snapshots/{Name}/restore", null, known ? 200 : 404);
        if (known)
        {
            d.Model.Restore(Name);
            d.RestoreIds(Name);
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
        if (Tenant == 0)
        {
            await d.DefineTemplateAsync(); // the reset took the tenant's templates too
        }
    }
}

/// <summary><c>GET /_emulator/export</c> of a tenant, its reset, and <c>POST /_emulator/seed</c> of the export: the stored
/// data is what it was, ids and timestamps included (README, "Testing with the emulator").</summary>
public sealed record ExportResetSeed(int Tenant) : Op
{
    public override async Task RunAsync(ModelDriver d)
    {
        var customerId = ModelDriver.CustomerIds[Tenant];
        var export = await d.ControlAsync(HttpMethod.Get, $"/_emulator/export?customerId={customerId}", null, 200);
        await d.ControlAsync(HttpMethod.Post, $"/_emulator/reset?customerId={customerId}", null, 200);
        await d.ControlAsync(HttpMethod.Post, "/_emulator/seed", export, 200);
    }
}
