using System.Net;
using Emulator.Tests.Infrastructure;

namespace Emulator.Tests.Control;

public sealed class ClockTests
{
    [Fact]
    public async Task A_pinned_clock_stamps_exact_createdAt_values_that_stay_unique_and_increasing()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        var inbox = emulator.Inbox();
        var pinned = control.PutAsync("/_emulator/clock", new { now = "2024-02-29T10:00:00.000Z" });
        Assert.Equal("2024-02-29T10:00:00.000Z", (await pinned).ExpectOk().Json["now"]!.GetValue<string>());

        foreach (var uuid in new[] { "c-1", "c-2", "c-3" })
        {
            (await inbox.PutLeadAsync(InboxClient.Lead(uuid, new { name = uuid }))).ExpectOk();
        }

        var created = (await inbox.ListChatsAsync()).ExpectOk().Data.Select(c => c!["createdAt"]!.GetValue<string>()).ToList();
        Assert.Equal(["2024-02-29T10:00:00.002Z", "2024-02-29T10:00:00.001Z", "2024-02-29T10:00:00.000Z"], created);

        var advanced = (await control.PostAsync("/_emulator/clock/advance", new { ms = 86_400_000 })).ExpectOk().Json;
        Assert.Equal("2024-03-01T10:00:00.000Z", advanced["now"]!.GetValue<string>());
        (await inbox.PutLeadAsync(InboxClient.Lead("c-4", new { name = "c-4" }))).ExpectOk();
        Assert.Equal("2024-03-01T10:00:00.000Z", (await inbox.ListChatsAsync()).ExpectOk().Data[0]!["createdAt"]!.GetValue<string>());

        // Back in time: createdAt still increases within the customer.
        (await control.PutAsync("/_emulator/clock", new { now = "2020-01-01T00:00:00Z" })).ExpectOk();
        (await inbox.PutLeadAsync(InboxClient.Lead("c-5", new { name = "c-5" }))).ExpectOk();
        Assert.Equal("2024-03-01T10:00:00.001Z", (await inbox.ListChatsAsync()).ExpectOk().Data[0]!["createdAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deleting_the_clock_returns_to_real_time_and_an_advance_of_a_running_clock_shifts_it()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        (await control.PutAsync("/_emulator/clock", new { now = "2001-01-01T00:00:00Z" })).ExpectOk();
        var real = (await control.DeleteAsync("/_emulator/clock")).ExpectOk().Json;
        Assert.False(real["pinned"]!.GetValue<bool>());
        Assert.InRange(DateTime.Parse(real["now"]!.GetValue<string>()).ToUniversalTime(), DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));

        var shifted = (await control.PostAsync("/_emulator/clock/advance", new { ms = 3_600_000 })).ExpectOk().Json;
        Assert.False(shifted["pinned"]!.GetValue<bool>());
        Assert.Equal(3_600_000, shifted["offsetMs"]!.GetValue<long>());
        Assert.InRange(DateTime.Parse(shifted["now"]!.GetValue<string>()).ToUniversalTime(),
            DateTime.UtcNow.AddMinutes(59), DateTime.UtcNow.AddMinutes(61));
    }

    [Fact]
    public async Task Bad_clock_bodies_are_400_problems_naming_the_member_never_500()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        var missing = (await control.PutAsync("/_emulator/clock", new { })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["now"]);

        var unparsable = (await control.SendRawAsync(HttpMethod.Put, "/_emulator/clock", "{\"now\": 5")).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("$.now", unparsable["detail"]!.GetValue<string>());

        var notADate = (await control.SendRawAsync(HttpMethod.Put, "/_emulator/clock", "{\"now\": \"tomorrow\"}")).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("$.now", notADate["detail"]!.GetValue<string>());

        var tooFar = (await control.PostAsync("/_emulator/clock/advance", new { ms = long.MaxValue })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(tooFar["errors"]!["ms"]);
    }

    [Fact]
    public async Task An_advance_that_would_leave_the_years_1970_to_9998_is_refused_and_leaves_the_clock_where_it_was()
    {
        await using var emulator = new EmulatorFactory();
        var control = emulator.Control();
        (await control.PutAsync("/_emulator/clock", new { now = "9990-01-01T00:00:00.000Z" })).ExpectOk();
        var tenYears = 10L * 366 * 24 * 3600 * 1000;
        var refused = (await control.PostAsync("/_emulator/clock/advance", new { ms = tenYears })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("outside the years 1970 to 9998", refused["errors"]!["ms"]![0]!.GetValue<string>());
        Assert.Equal("9990-01-01T00:00:00.000Z", (await control.GetAsync("/_emulator/clock")).ExpectOk().Json["now"]!.GetValue<string>());

        // A running clock too: offsets of 100 years add up until the clock would leave the range, and every step is refused then.
        (await control.DeleteAsync("/_emulator/clock")).ExpectOk();
        var century = 100L * 365 * 24 * 3600 * 1000;
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 90; i++)
        {
            answers.Add((await control.PostAsync("/_emulator/clock/advance", new { ms = century })).Status);
        }

        Assert.Contains(HttpStatusCode.BadRequest, answers);
        Assert.DoesNotContain(answers, a => a != HttpStatusCode.OK && a != HttpStatusCode.BadRequest);
        (await emulator.Inbox().PutLeadAsync(InboxClient.Lead("after-advances", new { name = "Still Writable" }))).ExpectOk();
    }
}
