using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Docker.DotNet;
using Orleans.Faas.Benchmarks.Measurement;
using Orleans.Faas.Client;
using Spectre.Console;

namespace Orleans.Faas.Benchmarks.KeepAlive;

/// <summary>
/// A synthetic invocation trace replayed against two silos at once, one keeping every container for a fixed 10 minutes
/// (the baseline), one keeping and prewarming by each function's idle-time histogram: cold starts and idle
/// container-seconds of each. Time is compressed alike for both: a trace minute lasts <c>--seconds-per-minute</c>, and
/// so do the baseline's keep-alive, the histogram's bins and its range (the silos are configured so by bench.sh).
/// </summary>
public static class KeepAliveBenchmark
{
    public static Command Command()
    {
        var fixedGateway = GatewayOption("--fixed-gateway", "The silo with the fixed 10-minute keep-alive");
        var histogramGateway = GatewayOption("--histogram-gateway", "The silo with the histogram keep-alive");
        var fixedNode = new Option<string>("--fixed-node") { Description = "The fixed silo's node name, its containers' label", Required = true };
        var histogramNode = new Option<string>("--histogram-node") { Description = "The histogram silo's node name, its containers' label", Required = true };
        var dockerHost = new Option<string>("--docker-host") { Description = "The engine both silos use", Required = true };
        var image = new Option<string>("--image") { Description = "The image every function runs", DefaultValueFactory = _ => "faas-samples/hello:latest" };
        var functions = new Option<int>("--functions") { Description = "Functions in the trace", DefaultValueFactory = _ => 200 };
        // Four hours: a function called every hour shows the histogram four idle times, one called every 15 minutes sixteen.
        var minutes = new Option<double>("--trace-minutes") { Description = "The trace's length in trace minutes", DefaultValueFactory = _ => 240 };
        var secondsPerMinute = new Option<double>("--seconds-per-minute") { Description = "Real seconds a trace minute lasts", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "The trace's random seed", DefaultValueFactory = _ => 25 };
        var command = new Command("keepalive", "A synthetic trace replayed with a fixed 10-minute keep-alive and with the histogram policy: cold starts and idle container-seconds")
        {
            fixedGateway, histogramGateway, fixedNode, histogramNode, dockerHost, image, functions, minutes, secondsPerMinute, seed,
        };
        command.SetAction(parsed => Run(
            parsed.GetValue(fixedGateway)!, parsed.GetValue(fixedNode)!, parsed.GetValue(histogramGateway)!, parsed.GetValue(histogramNode)!,
            parsed.GetValue(dockerHost)!, parsed.GetValue(image)!, parsed.GetValue(functions), parsed.GetValue(minutes), parsed.GetValue(secondsPerMinute), parsed.GetValue(seed)));
        return command;
    }

    public static async Task<int> Run(
        Uri fixedGateway, string fixedNode, Uri histogramGateway, string histogramNode, string dockerHost, string image,
        int functions, double minutes, double secondsPerMinute, int seed)
    {
        var trace = SyntheticTrace.Generate(functions, minutes, seed);
        Console.WriteLine($"Trace: seed {seed}, {functions} functions ({string.Join(", ", trace.Shapes.GroupBy(s => s).Select(g => $"{g.Count()} {g.Key}"))}), " +
            $"{trace.Calls.Count} calls over {minutes} trace minutes.");
        Console.WriteLine($"Time compressed {60 / secondsPerMinute:0.#}x for both policies: a trace minute lasts {secondsPerMinute} s, so the fixed keep-alive of 10 minutes " +
            $"lasts {10 * secondsPerMinute} s and the histogram's 1-minute bins {secondsPerMinute} s over a range of 4 hours ({240 * secondsPerMinute} s). " +
            "Container starts and runs are not compressed.");

        using var docker = new DockerClientConfiguration(new Uri(dockerHost)).CreateClient();
        // Plain HTTP clients: the trace's bursts hold more calls in flight than the standard resilience handler's limiter lets through.
        using var fixedHttp = new HttpClient { BaseAddress = fixedGateway, Timeout = Timeout.InfiniteTimeSpan };
        using var histogramHttp = new HttpClient { BaseAddress = histogramGateway, Timeout = Timeout.InfiniteTimeSpan };
        var names = Enumerable.Range(0, functions).Select(i => $"bench-keep-{i:000}").ToList();
        var shapeOf = names.Index().ToDictionary(n => n.Item, n => trace.Shapes[n.Index]);
        PolicyRun[] runs =
        [
            new("fixed 10-minute keep-alive (baseline)", new FaasClient(fixedHttp), docker, fixedNode, shapeOf),
            new("hybrid histogram", new FaasClient(histogramHttp), docker, histogramNode, shapeOf),
        ];
        foreach (var run in runs)
            foreach (var name in names)
                await run.Client.RegisterFunctionAsync(new FunctionDefinition { Name = name, Image = image, Cpu = 0.1, MemoryMiB = 16, TimeoutSeconds = 30 });

        using var replayed = new CancellationTokenSource();
        var sampling = runs.Select(r => r.SampleIdle(replayed.Token)).ToList();
        var started = Stopwatch.GetTimestamp();
        var calls = new List<Task>();
        var input = Encoding.UTF8.GetBytes("keep-alive");
        foreach (var call in trace.Calls)
        {
            var due = TimeSpan.FromSeconds(call.Minute * secondsPerMinute) - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
                await Task.Delay(due);
            calls.AddRange(runs.Select(r => r.Call(names[call.Function], input)));
        }
        await Task.WhenAll(calls);
        var replaySeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await replayed.CancelAsync();
        await Task.WhenAll(sampling);

        var decisions = (await runs[1].Client.GetProviderAsync(histogramNode)).KeepAlive;
        Print(runs, replaySeconds, secondsPerMinute);
        Console.WriteLine($"Cold starts by arrival shape: {ByShape(runs, (run, shape) => run.ColdOf(shape))}.");
        Console.WriteLine($"Container-s (idle or running a call) by arrival shape: {ByShape(runs, (run, shape) => run.ContainerSecondsOf(shape))}.");
        Console.WriteLine("Calls in flight on average, and of them running on the node: " + string.Join("; ", runs.Select(r =>
            $"{r.MeanCalls.InFlight:0.0} and {r.MeanCalls.Running:0.0} {(r == runs[0] ? "fixed" : "histogram")}")) + ".");
        Console.WriteLine($"The histogram silo's decisions: {decisions.Count(d => d.Representative)} of {decisions.Count} functions representative, " +
            $"{decisions.Count(d => d.PrewarmAfterSeconds > 0)} prewarmed; the others: {string.Join(", ", decisions.Where(d => !d.Representative).GroupBy(d => d.Basis).Select(g => $"{g.Count()} {g.Key}"))}.");
        return runs.Sum(r => r.Failed) == 0 ? 0 : 1;
    }

    private static void Print(PolicyRun[] runs, double replaySeconds, double secondsPerMinute)
    {
        var (baseline, histogram) = (runs[0], runs[1]);
        var table = new Table().Title($"Keep-alive policies over the same trace, replayed together in {replaySeconds:0} s")
            .AddColumns("policy", "calls", "failed", "cold starts", "cold fraction", "idle container-s (real)", "idle container-min (trace)", "cold / baseline", "idle / baseline");
        foreach (var run in runs)
        {
            table.AddRow(run.Policy, run.Calls.ToString(), run.Failed.ToString(), run.Cold.ToString(), run.ColdFraction.ToString("0.000"),
                run.IdleContainerSeconds.ToString("0"), (run.IdleContainerSeconds / secondsPerMinute).ToString("0"),
                Ratio(run.ColdFraction, baseline.ColdFraction), Ratio(run.IdleContainerSeconds, baseline.IdleContainerSeconds));
        }
        ResultTable.Write(table);
        var halfTheColdStarts = histogram.ColdFraction <= baseline.ColdFraction / 2 && histogram.IdleContainerSeconds <= baseline.IdleContainerSeconds;
        var halfTheIdleTime = histogram.ColdFraction <= baseline.ColdFraction && histogram.IdleContainerSeconds <= baseline.IdleContainerSeconds / 2;
        Console.WriteLine($"Target (at most half the cold starts with no more idle container-seconds, or no more cold starts with at most half the idle time): " +
            $"{Verdict.Of(halfTheColdStarts || halfTheIdleTime)} (cold fraction {histogram.ColdFraction:0.000} vs {baseline.ColdFraction:0.000}, " +
            $"idle {histogram.IdleContainerSeconds:0} vs {baseline.IdleContainerSeconds:0} container-s).");
    }

    /// <summary>Each arrival shape's figure under the baseline and under the histogram, as "Periodic 12 fixed, 9 histogram; …".</summary>
    private static string ByShape(PolicyRun[] runs, Func<PolicyRun, ArrivalShape, double> figure) =>
        string.Join("; ", Enum.GetValues<ArrivalShape>().Select(shape => $"{shape} {figure(runs[0], shape):0} fixed, {figure(runs[1], shape):0} histogram"));

    private static string Ratio(double value, double baseline) => baseline == 0 ? "-" : (value / baseline).ToString("0.00");

    private static Option<Uri> GatewayOption(string name, string description) => new(name)
    {
        Description = description,
        Required = true,
        CustomParser = result => new Uri(result.Tokens.Single().Value, UriKind.Absolute),
    };
}
