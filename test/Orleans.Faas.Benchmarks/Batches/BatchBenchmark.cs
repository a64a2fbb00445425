using System.CommandLine;
using System.Diagnostics;
using Orleans.Faas.Benchmarks.Measurement;
using Orleans.Faas.Client;
using Spectre.Console;

namespace Orleans.Faas.Benchmarks.Batches;

/// <summary>
/// What a batch buys: N no-op inputs (a process running <c>/bin/true</c>) in one batch request, against the same N as
/// single asynchronous invocations sent with the concurrency the batch submits its tasks with; each timed to the last
/// 202 (submit) and to the last task finished (completion), in the same run.
/// </summary>
public static class BatchBenchmark
{
    private const string Function = "bench-batch-noop";
    private const int WarmUp = 100;

    public static Command Command(Option<Uri> gateway)
    {
        var count = new Option<int>("--count") { Description = "Inputs in the batch, and single invocations in the baseline", DefaultValueFactory = _ => 10_000 };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = "Single invocations in flight in the baseline: the batch's own submit concurrency (Faas:Batches:SubmitConcurrency)",
            DefaultValueFactory = _ => 64,
        };
        var command = new Command("batch", "One batch of no-op inputs vs as many single async invocations at the same concurrency") { gateway, count, concurrency };
        command.SetAction(parsed => Run(parsed.GetValue(gateway)!, parsed.GetValue(count), parsed.GetValue(concurrency)));
        return command;
    }

    public static async Task Run(Uri gateway, int count, int concurrency)
    {
        var client = new FaasClient(gateway, new FaasClientOptions { NetworkTimeout = TimeSpan.FromMinutes(5) });
        await client.RegisterFunctionAsync(new FunctionDefinition { Name = Function, Runtime = FunctionRuntime.Process, Command = ["/bin/true"] });
        var inputs = Enumerable.Range(0, count).Select(i => $"{i}").ToList();
        await (await client.StartBatchAsync(Function, inputs.Take(WarmUp))).WaitForCompletionAsync();

        var batch = await Batch(client, inputs);
        var singles = await Singles(client, inputs, concurrency);

        var table = new Table().Title($"{count:N0} no-op inputs (process /bin/true) on one embedded silo")
            .AddColumns("scenario", "submit s", "completion s", "tasks/s to completion", "failed");
        foreach (var (scenario, r) in new[] { ($"{count:N0} single async invocations, {concurrency} in flight (baseline)", singles), ("one batch request", batch) })
            table.AddRow(scenario, r.Submit.TotalSeconds.ToString("0.00"), r.Completion.TotalSeconds.ToString("0.00"), (count / r.Completion.TotalSeconds).ToString("0"), r.Failed.ToString());
        ResultTable.Write(table);
        Console.WriteLine($"The batch was accepted in {batch.Submit.TotalSeconds:0.00} s and finished in {batch.Completion.TotalSeconds:0.00} s; " +
            $"{count:N0} single invocations were accepted in {singles.Submit.TotalSeconds:0.00} s and finished in {singles.Completion.TotalSeconds:0.00} s.");
    }

    private static async Task<Result> Batch(FaasClient client, IReadOnlyList<string> inputs)
    {
        var clock = Stopwatch.StartNew();
        var batch = await client.StartBatchAsync(Function, inputs);
        var submit = clock.Elapsed;
        var finished = await batch.WaitForCompletionAsync();
        return new Result(submit, clock.Elapsed, finished.Counts.Failed);
    }

    private static async Task<Result> Singles(FaasClient client, IReadOnlyList<string> inputs, int concurrency)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency };
        var operations = new InvocationOperation[inputs.Count];
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, inputs.Count), parallel, async (i, ct) =>
            operations[i] = await client.StartInvocationAsync(Function, System.Text.Encoding.UTF8.GetBytes(inputs[i]), cancellationToken: ct));
        var submit = clock.Elapsed;
        var failed = 0;
        await Parallel.ForEachAsync(operations, parallel, async (operation, ct) =>
        {
            if ((await operation.WaitForCompletionAsync(ct)).Status == TaskState.Failed)
                Interlocked.Increment(ref failed);
        });
        return new Result(submit, clock.Elapsed, failed);
    }

    private sealed record Result(TimeSpan Submit, TimeSpan Completion, int Failed);
}
