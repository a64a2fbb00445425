using System.CommandLine;
using System.Diagnostics;
using System.Net;
using Orleans.Faas.Benchmarks.Latency;
using Orleans.Faas.Benchmarks.Measurement;
using Orleans.Faas.Benchmarks.Throughput;
using Spectre.Console;

namespace Orleans.Faas.Benchmarks.Soak;

/// <summary>
/// Embedded mode does not grow: many no-op tasks (a <c>/bin/true</c> process function, each an async invocation and a
/// long poll) at a bounded concurrency, on a silo with a retention of seconds. The silo's working set is read, after a
/// full collection, once a warm-up's tasks have expired (the baseline) and once the soak's have; the target is an end
/// within 1.5× of the start.
/// </summary>
public static class MemorySoakBenchmark
{
    private const string Function = "bench-soak-noop";
    private const double Target = 1.5;
    private const int Checkpoints = 10;

    public static Command Command(Option<Uri> gateway)
    {
        var count = new Option<int>("--count") { Description = "Tasks in the soak", DefaultValueFactory = _ => 100_000 };
        var warmUp = new Option<int>("--warm-up") { Description = "Tasks run and expired before the baseline is read", DefaultValueFactory = _ => 2_000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Invocations in flight", DefaultValueFactory = _ => 16 };
        var siloPid = new Option<int>("--silo-pid") { Description = "The silo process, on this machine, whose working set is read", Required = true };
        var command = new Command("soak", "Many no-op tasks on an embedded silo with a short retention: its working set at the end against after a warm-up")
        {
            gateway, count, warmUp, concurrency, siloPid,
        };
        command.SetAction(parsed => Run(parsed.GetValue(gateway)!, parsed.GetValue(count), parsed.GetValue(warmUp), parsed.GetValue(concurrency), parsed.GetValue(siloPid)));
        return command;
    }

    public static async Task Run(Uri gateway, int count, int warmUp, int concurrency, int siloPid)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 }) { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(1) };
        await new GatewayInvoke(http, Function).Register(new { name = Function, runtime = "process", command = new[] { "/bin/true" } });
        var invoke = new AsyncInvoke(http, Function);
        var memory = new SiloMemory(siloPid);

        await Soak(http, invoke, warmUp, concurrency, memory, progress: false);
        var start = await memory.CollectedResidentMiB();
        Console.WriteLine($"after {warmUp:N0} warm-up tasks expired: {start:0.0} MiB");

        var soak = await Soak(http, invoke, count, concurrency, memory, progress: true);
        var end = await memory.CollectedResidentMiB();

        var ratio = end / start;
        var table = new Table().Title($"Working set of an embedded silo over {count:N0} no-op tasks ({concurrency} in flight, {count / soak.Elapsed.TotalSeconds:0} tasks/s, {soak.Failed} failed)")
            .AddColumns("point", "VmRSS MiB", "vs start", $"target ≤ {Target}×");
        table.AddRow($"start: after {warmUp:N0} warm-up tasks expired", start.ToString("0.0"), "1.00", "");
        table.AddRow($"end: after {count:N0} more tasks expired", end.ToString("0.0"), ratio.ToString("0.00"), Verdict.Of(ratio <= Target));
        ResultTable.Write(table);
    }

    /// <summary>Runs the tasks, then waits until the last one has expired; prints the working set at each tenth when asked.</summary>
    private static async Task<SoakRun> Soak(HttpClient http, AsyncInvoke invoke, int count, int concurrency, SiloMemory memory, bool progress)
    {
        var failed = 0;
        var done = 0;
        var last = "";
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (_, _) =>
        {
            try
            {
                last = await invoke.RunOnce();
            }
            catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
            {
                if (Interlocked.Increment(ref failed) == 1)
                    Console.WriteLine($"first failure: {e.GetType().Name}: {e.Message}");
            }
            var n = Interlocked.Increment(ref done);
            if (progress && n % Math.Max(1, count / Checkpoints) == 0)
                Console.WriteLine($"{n,9:N0} tasks, {clock.Elapsed.TotalSeconds,6:0} s, {n / clock.Elapsed.TotalSeconds,5:0} tasks/s, VmRSS {memory.ResidentMiB():0.0} MiB");
        });
        var elapsed = clock.Elapsed;
        await UntilExpired(http, last);
        return new SoakRun(failed, elapsed);
    }

    private static Task UntilExpired(HttpClient http, string taskId) =>
        Poll.UntilAsync(
            async () =>
            {
                using var response = await http.GetAsync($"/v1/tasks/{taskId}");
                return response.StatusCode == HttpStatusCode.NotFound;
            },
            TimeSpan.FromMinutes(5), $"task {taskId} to expire (is the silo's Faas:Tasks:Retention short?)", TimeSpan.FromSeconds(1));

    /// <param name="Elapsed">From the first invocation to the last task finished.</param>
    private sealed record SoakRun(int Failed, TimeSpan Elapsed);
}
