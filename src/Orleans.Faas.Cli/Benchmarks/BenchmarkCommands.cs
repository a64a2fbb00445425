namespace Orleans.Faas.Cli.Benchmarks;

/// <summary><c>faas benchmarks ls|get|cancel|start</c>: benchmark jobs, one at a time per cluster.</summary>
internal static class BenchmarkCommands
{
    public static Command Create()
    {
        var id = new Argument<Guid>("id") { Description = "The job's id" };

        var list = new Command("ls", "List the latest benchmark jobs, newest first")
            .Runs(async (cli, ct) => cli.Show(await cli.Client.ListBenchmarksAsync(ct), BenchmarkViews.List));

        var get = new Command("get", "Show a job: its status, progress and results") { id }
            .Runs(async (cli, ct) => cli.Show(await cli.Client.GetBenchmarkAsync(cli.Get(id), ct), BenchmarkViews.Details));

        var cancel = new Command("cancel", "Stop a job; it fails as cancelled") { id }
            .Runs(async (cli, ct) => cli.Show(await cli.Client.CancelBenchmarkAsync(cli.Get(id), ct), BenchmarkViews.Details));

        return new Command("benchmarks", "Benchmark jobs: providers' scores, functions' profiles, workloads") { list, get, cancel, Start() };
    }

    private static Command Start()
    {
        var kind = new Option<BenchmarkKind>("--kind") { Description = "What to measure", Required = true }.WithChoices();
        var function = new Option<string?>("--function") { Description = "The function a profile or workload runs" };
        var sizes = InputSizesOption.Create(required: false);
        var repetitions = new Option<int?>("--repetitions") { Description = "Warm runs per provider and size [default: 5]" };
        var providers = new Option<string[]>("--provider") { Description = "Run on this provider; repeat for more [default: every ready provider]" };
        var wait = new Option<bool>("--wait") { Description = "Show progress until the job ends, then the job" };

        return new Command("start", "Start a benchmark job and print its id")
        {
            kind, function, sizes, repetitions, providers, wait,
        }.Runs(async (cli, ct) =>
        {
            var operation = await cli.Client.StartBenchmarkAsync(
                new BenchmarkRequest
                {
                    Kind = cli.Get(kind),
                    Function = cli.Get(function),
                    InputSizes = cli.Get(sizes) is { Length: > 0 } s ? s : null,
                    Repetitions = cli.Get(repetitions),
                    Providers = cli.Get(providers) is { Length: > 0 } p ? p : null,
                },
                ct);
            return await BenchmarkOutcome.Show(cli, operation, cli.Get(wait), ct);
        });
    }
}
