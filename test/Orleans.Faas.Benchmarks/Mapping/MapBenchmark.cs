using System.CommandLine;
using System.Diagnostics;
using Orleans.Faas.Benchmarks.Measurement;
using Orleans.Faas.Client;
using Spectre.Console;

namespace Orleans.Faas.Benchmarks.Mapping;

/// <summary>
/// What <see cref="FaasClient.Map"/> buys an app: the same number of no-op invocations (a process running
/// <c>/bin/true</c>) through the client, one <c>InvokeAsync</c> after the other (the baseline), then fanned out with
/// <c>Map</c> in input order and as they finish.
/// </summary>
public static class MapBenchmark
{
    private const string Function = "bench-map-noop";
    private const int WarmUp = 50;

    public static Command Command(Option<Uri> gateway)
    {
        var count = new Option<int>("--count") { Description = "Invocations in each scenario", DefaultValueFactory = _ => 1000 };
        var inFlight = new Option<int>("--max-in-flight") { Description = "Map's bound on invocations in flight", DefaultValueFactory = _ => 16 };
        var command = new Command("map", "client.Map over no-op invocations vs the same invocations one InvokeAsync at a time") { gateway, count, inFlight };
        command.SetAction(parsed => Run(parsed.GetValue(gateway)!, parsed.GetValue(count), parsed.GetValue(inFlight)));
        return command;
    }

    public static async Task Run(Uri gateway, int count, int maxInFlight)
    {
        var client = new FaasClient(gateway);
        await client.RegisterFunctionAsync(new FunctionDefinition { Name = Function, Runtime = FunctionRuntime.Process, Command = ["/bin/true"] });
        var inputs = Enumerable.Range(0, count).Select(i => (ReadOnlyMemory<byte>)BitConverter.GetBytes(i)).ToList();
        await Sequential(client, inputs.Take(WarmUp));

        var sequential = await Timed(() => Sequential(client, inputs));
        var inOrder = await Timed(() => Mapped(client, inputs, maxInFlight, MapOrder.Input));
        var asFinished = await Timed(() => Mapped(client, inputs, maxInFlight, MapOrder.Completion));

        var table = new Table().Title($"{count:N0} no-op invocations (process /bin/true) through the client on one embedded silo")
            .AddColumns("scenario", "seconds", "invocations/s", "failed", "speed-up over sequential");
        foreach (var (scenario, (elapsed, failed)) in new[]
        {
            ("sequential InvokeAsync (baseline)", sequential),
            ($"Map, input order, {maxInFlight} in flight", inOrder),
            ($"Map, as finished, {maxInFlight} in flight", asFinished),
        })
        {
            table.AddRow(scenario, elapsed.TotalSeconds.ToString("0.00"), (count / elapsed.TotalSeconds).ToString("0"), failed.ToString(),
                (sequential.Elapsed / elapsed).ToString("0.00") + "×");
        }
        ResultTable.Write(table);
        Console.WriteLine($"Map (input order) takes {inOrder.Elapsed.TotalSeconds:0.00} s for {count:N0} invocations; sequential InvokeAsync takes {sequential.Elapsed.TotalSeconds:0.00} s.");
    }

    private static async Task<int> Sequential(FaasClient client, IEnumerable<ReadOnlyMemory<byte>> inputs)
    {
        var failed = 0;
        foreach (var input in inputs)
        {
            try
            {
                await client.InvokeAsync(Function, input);
            }
            catch (FaasRequestException)
            {
                failed++;
            }
        }
        return failed;
    }

    private static async Task<int> Mapped(FaasClient client, IEnumerable<ReadOnlyMemory<byte>> inputs, int maxInFlight, MapOrder order)
    {
        var failed = 0;
        await foreach (var result in client.Map(Function, inputs, maxInFlight, order))
            failed += result.Succeeded ? 0 : 1;
        return failed;
    }

    private static async Task<(TimeSpan Elapsed, int Failed)> Timed(Func<Task<int>> scenario)
    {
        var clock = Stopwatch.StartNew();
        var failed = await scenario();
        return (clock.Elapsed, failed);
    }
}
