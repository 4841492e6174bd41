namespace Emulator.Tests.Control.Parallel;

public sealed class LeadSuite
{
    [Fact]
    public Task Pushed_leads_are_listed_for_their_own_tenant_only_a() => SharedEmulator.PushAndListAsync("la", 5);

    [Fact]
    public Task Pushed_leads_are_listed_for_their_own_tenant_only_b() => SharedEmulator.PushAndListAsync("lb", 8);

    [Fact]
    public Task Pushed_leads_are_listed_for_their_own_tenant_only_c() => SharedEmulator.PushAndListAsync("lc", 3);
}
