namespace Emulator.Benchmarks;

/// <summary>The benchmark's command line.</summary>
public sealed record BenchmarkOptions
{
    /// <summary>Chats stored before the load (<c>--chats</c>, default 10,000).</summary>
    public int Chats { get; init; } = 10_000;

    /// <summary>Each measured wrk run (<c>--seconds</c>, default 10 s).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The warm-up run before each scenario's measurements: as long as a measured run, since with 3 s the
    /// emulator's first measured round still ran at half the speed of its second (tiered JIT still at work).</summary>
    public TimeSpan Warmup => Smoke ? TimeSpan.FromSeconds(1) : Duration;

    /// <summary>A 1-second run on 1,000 chats (<c>--smoke</c>).</summary>
    public bool Smoke { get; init; }

    /// <summary>Measured runs per scenario and server (<c>--rounds</c>, default 2), alternating which server goes first.</summary>
    public int Rounds { get; init; } = 2;

    /// <summary>Cold starts whose median is reported.</summary>
    public int ColdStarts { get; init; } = 5;

    /// <summary>Also fill to 1,000,000 chats and measure how page 1 and search latency grow (<c>--scale</c>).</summary>
    public bool Scale { get; init; }

    /// <summary>Where the Markdown, JSON and SVG results go (<c>--out</c>).</summary>
    public string Output { get; init; } = "tests/Emulator.Benchmarks/results";

    /// <summary>Only the scenarios whose name contains this text (<c>--only</c>), for a quick look at one change.</summary>
    public string? Only { get; init; }

    /// <summary>The emulator to run (<c>--emulator PATH</c>, a .dll or an executable): run.sh passes a self-contained composite ReadyToRun publish, as the Docker image
    /// ships; by default the build beside the harness.</summary>
    public string EmulatorDll { get; init; } = "Emulator.dll";

    /// <summary>Environment variables for the emulator's process only (<c>--env NAME=VALUE</c>, repeatable), e.g. to
    /// measure a setting: <c>--env Emulator__JournalCapacity=0</c>, <c>--env DOTNET_gcServer=0</c>.</summary>
    public IReadOnlyDictionary<string, string> EmulatorEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>The command line as given, for the report.</summary>
    public string CommandLine { get; init; } = "";

    /// <summary>Parses the arguments; <c>--smoke</c> is a 1-second run on 1,000 chats, one round, one cold start.</summary>
    public static BenchmarkOptions Parse(string[] args)
    {
        // The report shows the command as typed to run.sh, without the --emulator that run.sh adds.
        var typed = args.Where((arg, i) => arg != "--emulator" && (i == 0 || args[i - 1] != "--emulator"));
        var options = new BenchmarkOptions { CommandLine = string.Join(' ', typed) };
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--chats" => options with { Chats = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture) },
                "--seconds" => options with { Duration = TimeSpan.FromSeconds(int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture)) },
                "--rounds" => options with { Rounds = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture) },
                "--scale" => options with { Scale = true },
                "--only" => options with { Only = args[++i] },
                "--out" => options with { Output = args[++i] },
                "--emulator" => options with { EmulatorDll = Path.GetFullPath(args[++i]) },
                "--env" => options.WithEnvironment(args[++i]),
                "--smoke" => options with { Chats = 1_000, Duration = TimeSpan.FromSeconds(1), Smoke = true, Rounds = 1, ColdStarts = 1 },
                var other => throw new ArgumentException($"Unknown option {other}. Options: --chats N, --seconds S, --rounds R, --scale, --smoke, --only TEXT, --out DIR, --env NAME=VALUE, --emulator PATH."),
            };
        }

        return options;
    }

    private BenchmarkOptions WithEnvironment(string setting) => setting.Split('=', 2) is [{ Length: > 0 } name, var value]
        ? this with { EmulatorEnvironment = new Dictionary<string, string>(EmulatorEnvironment) { [name] = value } }
        : throw new ArgumentException($"--env takes NAME=VALUE, not '{setting}'.");
}
