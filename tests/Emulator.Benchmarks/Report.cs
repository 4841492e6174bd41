using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Emulator.Benchmarks;

/// <summary>Collects the measurements and writes <c>latest.md</c>, <c>latest.json</c> and <c>latest.svg</c>.</summary>
public sealed class Report(BenchmarkOptions options, DateTimeOffset started)
{
    private readonly List<(string Scenario, string Server, LoadResult Result)> _runs = [];
    private readonly Dictionary<string, (Dictionary<string, double> Idle, Dictionary<string, double> Peak)> _memory = [];

    /// <summary>Seconds the fill took.</summary>
    public double FillSeconds { get; set; }

    /// <summary>Seconds the scale run's generated fill to 1,000,000 chats took, or null.</summary>
    public double? GenerateSeconds { get; set; }

    /// <summary>Median cold start per server, ms.</summary>
    public Dictionary<string, double> ColdStartMs { get; } = [];

    /// <summary>Resident memory after start, MiB.</summary>
    public Dictionary<string, double> IdleRssMiB { get; } = [];

    /// <summary>Peak resident memory after the load, MiB.</summary>
    public Dictionary<string, double> PeakRssMiB { get; } = [];

    /// <summary>p50 of page 1 and search by number of chats stored.</summary>
    public Dictionary<int, Dictionary<string, double>> Growth { get; } = [];

    /// <summary>The inspector's pages, one request at a time (<see cref="InspectorTimings"/>).</summary>
    public List<PageTiming> InspectorPages { get; set; } = [];

    /// <summary>The live journal's delay from a request to its entry on the event stream.</summary>
    public PageTiming? InspectorLive { get; set; }

    /// <summary>Adds a scenario's resident memory per server, MiB: before its load and the peak during it.</summary>
    public void AddMemory(string scenario, Dictionary<string, double> idle, Dictionary<string, double> peak) => _memory[scenario] = (idle, peak);

    /// <summary>Adds one measured run.</summary>
    public void Add(string scenario, string server, LoadResult result) => _runs.Add((scenario, server, result));

    private IEnumerable<(string Scenario, LoadResult Emulator, LoadResult Ceiling)> Rows() =>
        _runs.GroupBy(r => r.Scenario).Select(g => (g.Key, Median(g, "emulator"), Median(g, "ceiling")));

    // The median run by req/s of one server (two rounds: the slower one, so a lucky round flatters nobody).
    private static LoadResult Median(IEnumerable<(string, string Server, LoadResult Result)> runs, string server)
    {
        var sorted = runs.Where(r => r.Server == server).Select(r => r.Result).OrderBy(r => r.RequestsPerSecond).ToList();
        return sorted[(sorted.Count - 1) / 2];
    }

    /// <summary>Writes the three files and prints the Markdown.</summary>
    public void Write()
    {
        Directory.CreateDirectory(options.Output);
        var markdown = Markdown();
        File.WriteAllText(Path.Combine(options.Output, "latest.md"), markdown);
        File.WriteAllText(Path.Combine(options.Output, "latest.svg"), Svg());
        File.WriteAllText(Path.Combine(options.Output, "latest.json"), JsonSerializer.Serialize(new
        {
            started,
            machine = Machine(),
            command = Command(),
            chats = options.Chats,
            seconds = options.Duration.TotalSeconds,
            rounds = options.Rounds,
            fillSeconds = FillSeconds,
            generateSeconds = GenerateSeconds,
            scenarios = Rows().Select(r => new
            {
                name = r.Scenario,
                emulator = r.Emulator,
                ceiling = r.Ceiling,
                ratio = Ratio(r.Emulator, r.Ceiling),
                rssBeforeMiB = _memory.GetValueOrDefault(r.Scenario).Idle,
                rssPeakMiB = _memory.GetValueOrDefault(r.Scenario).Peak,
            }),
            coldStartMs = ColdStartMs,
            idleRssMiB = IdleRssMiB,
            peakRssMiB = PeakRssMiB,
            growthP50Ms = Growth,
            inspector = new { pages = InspectorPages, live = InspectorLive },
        }, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine(markdown);
    }

    private static double Ratio(LoadResult emulator, LoadResult ceiling) =>
        ceiling.RequestsPerSecond == 0 ? 0 : emulator.RequestsPerSecond / ceiling.RequestsPerSecond;

    private string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine($"{Machine()}, {started:yyyy-MM-dd}; `{Command()}`; {options.Chats:N0} chats stored (filled in {FillSeconds:F1} s{(GenerateSeconds is { } g ? Invariant($"; generated to 1,000,000 in {g:F0} s") : "")}); wrk -t1 -c32, {options.Duration.TotalSeconds:F0} s runs, median of {options.Rounds}.");
        md.AppendLine();
        md.AppendLine("| scenario | emulator req/s | p50 ms | p99 ms | errors | ceiling req/s | p50 ms | p99 ms | emulator / ceiling |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (scenario, e, c) in Rows())
        {
            md.AppendLine(Invariant($"| {scenario} | {e.RequestsPerSecond:N0} | {e.P50Ms:F2} | {e.P99Ms:F2} | {e.Errors} | {c.RequestsPerSecond:N0} | {c.P50Ms:F2} | {c.P99Ms:F2} | {Ratio(e, c):P1} |"));
        }

        md.AppendLine();
        md.AppendLine("| | emulator | ceiling | emulator / ceiling |");
        md.AppendLine("|---|---:|---:|---:|");
        Line(md, $"cold start to first 200, median of {options.ColdStarts} (ms)", ColdStartMs);
        Line(md, "RSS after start (MiB)", IdleRssMiB);
        Line(md, "peak RSS after the load (MiB)", PeakRssMiB);
        foreach (var (chats, latencies) in Growth)
        {
            foreach (var (name, p50) in latencies)
            {
                md.AppendLine(Invariant($"| {name}, p50 at {chats:N0} chats (ms) | {p50:F2} | | |"));
            }
        }

        if (_memory.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("Resident memory per scenario (MiB): before its load → its peak (warm-up and rounds).");
            md.AppendLine();
            md.AppendLine("| scenario | emulator | ceiling | emulator / ceiling, peak |");
            md.AppendLine("|---|---:|---:|---:|");
            foreach (var (scenario, (idle, peak)) in _memory)
            {
                md.AppendLine(Invariant(
                    $"| {scenario} | {idle["emulator"]:N0} → {peak["emulator"]:N0} | {idle["ceiling"]:N0} → {peak["ceiling"]:N0} | {peak["emulator"] / peak["ceiling"]:F1}× |"));
            }
        }

        if (InspectorPages.Count > 0)
        {
            md.AppendLine();
            md.AppendLine($"Inspector, one request at a time over the {options.Chats:N0} chats (target: HTML p95 ≤ 150 ms, live entry ≤ 1 s):");
            md.AppendLine();
            md.AppendLine("| inspector | p50 ms | p95 ms |");
            md.AppendLine("|---|---:|---:|");
            foreach (var page in InspectorPages.Append(InspectorLive!))
            {
                md.AppendLine(Invariant($"| {page.Page} | {page.P50Ms:F1} | {page.P95Ms:F1} |"));
            }
        }

        return md.ToString();
    }

    private static void Line(StringBuilder md, string name, Dictionary<string, double> values)
    {
        if (values.TryGetValue("emulator", out var e) && values.TryGetValue("ceiling", out var c))
        {
            md.AppendLine(Invariant($"| {name} | {e:N0} | {c:N0} | {(c == 0 ? 0 : e / c):F1}× |"));
        }
    }

    // A bar per scenario: the emulator's req/s as a share of the ceiling's, with the read (25 %) and write (10 %) targets.
    private string Svg()
    {
        var rows = Rows().ToList();
        const int barHeight = 22, left = 190, width = 400;
        var height = 40 + rows.Count * (barHeight + 8);
        var svg = new StringBuilder();
        svg.AppendLine(Invariant($"""<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 80}" height="{height}" font-family="sans-serif" font-size="12">"""));
        svg.AppendLine(Invariant($"""<text x="{left}" y="16">emulator req/s as a share of the bare-Kestrel ceiling ({started:yyyy-MM-dd}, {options.Chats:N0} chats)</text>"""));
        for (var i = 0; i < rows.Count; i++)
        {
            var ratio = Math.Min(1, Ratio(rows[i].Emulator, rows[i].Ceiling));
            var y = 30 + i * (barHeight + 8);
            svg.AppendLine(Invariant($"""<text x="{left - 6}" y="{y + 15}" text-anchor="end">{rows[i].Scenario}</text>"""));
            svg.AppendLine(Invariant($"""<rect x="{left}" y="{y}" width="{width}" height="{barHeight}" fill="#eee"/>"""));
            svg.AppendLine(Invariant($"""<rect x="{left}" y="{y}" width="{ratio * width:F1}" height="{barHeight}" fill="#3b7dd8"/>"""));
            svg.AppendLine(Invariant($"""<text x="{left + width + 6}" y="{y + 15}">{ratio:P1}</text>"""));
        }

        foreach (var (target, label) in new[] { (0.10, "10 %"), (0.25, "25 %") })
        {
            svg.AppendLine(Invariant($"""<line x1="{left + target * width}" y1="24" x2="{left + target * width}" y2="{height - 4}" stroke="#d33" stroke-dasharray="4 3"/>"""));
            svg.AppendLine(Invariant($"""<text x="{left + target * width + 2}" y="{height - 6}" fill="#d33">{label}</text>"""));
        }

        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private string Command() => $"tests/Emulator.Benchmarks/run.sh {options.CommandLine}".Trim();

    private static string Machine() =>
        $"{Environment.ProcessorCount} cores, {File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "unknown CPU"}, .NET {Environment.Version}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
