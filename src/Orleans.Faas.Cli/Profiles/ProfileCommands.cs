using Orleans.Faas.Cli.Benchmarks;

namespace Orleans.Faas.Cli.Profiles;

/// <summary><c>faas profile get|start NAME</c>: a function's cost per input size.</summary>
internal static class ProfileCommands
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The function" };

        var inputSize = new Option<long?>("--input-size") { Description = "The expected cost at this size instead of every measured size" };
        var get = new Command("get", "Show a function's profile: its cost at every measured input size, and its cache need") { name, inputSize }
            .Runs(async (cli, ct) => cli.Get(inputSize) is { } size
                ? cli.Show(await cli.Client.EstimateAsync(cli.Get(name), size, ct), Tables.Details)
                : cli.Show(await cli.Client.GetProfileAsync(cli.Get(name), ct), Profile));

        var sizes = InputSizesOption.Create(required: true);
        var repetitions = new Option<int?>("--repetitions") { Description = "Runs per size [default: 5]" };
        var wait = new Option<bool>("--wait") { Description = "Show progress until the profile is done, then the job" };
        var start = new Command("start", "Profile a function on the reference provider and print the job's id") { name, sizes, repetitions, wait }
            .Runs(async (cli, ct) =>
            {
                var operation = await cli.Client.StartProfileAsync(cli.Get(name), new ProfileRequest { InputSizes = cli.Get(sizes), Repetitions = cli.Get(repetitions) }, ct);
                return await BenchmarkOutcome.Show(cli, operation, cli.Get(wait), ct);
            });

        return new Command("profile", "Functions' profiles: cost per input size") { get, start };
    }

    private static IRenderable Profile(FunctionProfile profile) => new Rows(
        Tables.Details(profile),
        Tables.List(
            profile.Points,
            ("INPUT SIZE", p => p.InputSize),
            ("WALL ms", p => p.Stats.WallMs),
            ("Q1 ms", p => p.Stats.WallQ1Ms),
            ("Q3 ms", p => p.Stats.WallQ3Ms),
            ("CPU ms", p => p.Stats.CpuMs),
            ("PEAK MEMORY", p => p.Stats.PeakMemoryBytes),
            ("SAMPLES", p => p.Stats.Samples),
            ("SOURCE", p => p.Source),
            ("VERSION", p => p.FunctionVersion),
            ("MEASURED", p => p.MeasuredAt)));
}
