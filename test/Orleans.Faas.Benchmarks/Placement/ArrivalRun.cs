using System.Diagnostics;

namespace Orleans.Faas.Benchmarks.Placement;

/// <summary>
/// Submits an arrival sequence on its schedule, never waiting for a submission to return before the next is due, then
/// waits for every task to finish. Completion times come from the platform's finish stamps, so waiting for the tasks
/// one by one afterwards costs the run nothing.
/// </summary>
public static class ArrivalRun
{
    private const int ProgressEvery = 25;

    /// <param name="pin">The provider to pin a task to, given its kind and the run's clock at submission; null lets the function's policy place it.</param>
    public static async Task<RunResult> Run(FaasApi api, string placement, IReadOnlyList<Arrival> arrivals, Func<TaskKind, TimeSpan, string?> pin)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var submissions = new List<Task<(Arrival Arrival, DateTimeOffset SubmittedAt, Guid Id)>>(arrivals.Count);
        foreach (var arrival in arrivals)
        {
            var due = arrival.Offset - clock.Elapsed;
            if (due > TimeSpan.Zero)
                await Task.Delay(due);
            submissions.Add(Submit(api, arrival, pin(arrival.Kind, clock.Elapsed)));
            if ((arrival.Index + 1) % ProgressEvery == 0)
                Console.WriteLine($"  {placement}: {arrival.Index + 1}/{arrivals.Count} submitted at {clock.Elapsed.TotalSeconds:0} s");
        }

        var finished = new List<FinishedTask>(arrivals.Count);
        foreach (var (arrival, submittedAt, id) in await Task.WhenAll(submissions))
            finished.Add(new FinishedTask(arrival, submittedAt, await api.WaitForTask(id)));
        var result = new RunResult(placement, startedAt, finished, HostLoad.OneMinute());
        Console.WriteLine($"  {placement}: all {arrivals.Count} finished ({result.Failed} failed), makespan {result.Makespan.TotalSeconds:0} s, {HostLoad.Describe()}");
        return result;
    }

    private static async Task<(Arrival, DateTimeOffset, Guid)> Submit(FaasApi api, Arrival arrival, string? provider)
    {
        var submittedAt = DateTimeOffset.UtcNow;
        var id = await api.Invoke(arrival.Kind.Function.Name, arrival.Kind.Input(), provider);
        return (arrival, submittedAt, id);
    }
}
