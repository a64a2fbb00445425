using Orleans.Faas.Profiles;
using Orleans.Faas.Resilience;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Benchmarks;

/// <summary>
/// Measures a job's steps through the platform's own task path: every run is a task pinned to its step's provider.
/// Each step first gets a warm-up run; then the measured runs go round the steps in turn, so a slow stretch of the
/// host touches every step alike instead of one step's block. Only warm runs are measured, so container start-up never
/// counts; and at a way count only the runs that got cache ways of their own, or they measured the whole cache.
/// </summary>
public sealed class BenchmarkRuns(IGrainFactory grains)
{
    // Each wait stays well inside Orleans' response timeout.
    private static readonly TimeSpan WaitSlice = TimeSpan.FromSeconds(10);

    /// <param name="onTask">Told of each task as it is submitted, before it is waited for.</param>
    /// <param name="onRun">Told each time a run has finished.</param>
    /// <returns>The statistics of each step, in the steps' order.</returns>
    public async Task<IReadOnlyList<RunStatistics>> Measure(
        IReadOnlyList<BenchmarkStep> steps, int repetitions, Func<Guid, Task> onTask, Func<Task> onRun, CancellationToken cancellationToken)
    {
        foreach (var step in steps)
        {
            await RunOnce(step, onTask, cancellationToken);
            await onRun();
        }
        var samples = steps.Select(_ => new List<ExecutionSample>()).ToList();
        // A run that found no warm container (one was lost, say) is not measured; a few more rounds make up for it.
        for (var round = 0; round < 2 * repetitions && samples.Any(s => s.Count < repetitions); round++)
        {
            foreach (var (step, measured) in steps.Zip(samples).Where(s => s.Second.Count < repetitions))
            {
                var task = await RunOnce(step, onTask, cancellationToken);
                if (IsMeasured(step, task))
                    measured.Add(SampleOf(step, task));
                await onRun();
            }
        }
        return [.. steps.Zip(samples).Select(s => s.Second.Count > 0
            ? SampleStatistics.Summarise(s.Second)
            : throw new BenchmarkStepFailedException(
                $"{Describe(s.First)}: no run found a warm container{(s.First.CacheWays is null ? "" : " and got its cache ways")}, so nothing could be measured."))];
    }

    private async Task<TaskSnapshot> RunOnce(BenchmarkStep step, Func<Guid, Task> onTask, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var task = grains.GetGrain<ITaskGrain>(id);
        // A run waits its turn at a full node like any other task.
        await ClusterCalls.UntilAdmitted.ExecuteAsync(async _ =>
            await task.Submit(new TaskSubmission(step.Function, step.Input, step.InputSize, step.Provider, CacheWays: step.CacheWays)), cancellationToken);
        await onTask(id);
        try
        {
            while (true)
            {
                var snapshot = await task.WaitUntilFinished(WaitSlice).WaitAsync(cancellationToken) ?? throw new TaskNotFoundException(id);
                if (snapshot.Status == TaskState.Completed)
                    return snapshot;
                if (snapshot.Status == TaskState.Failed)
                    throw new BenchmarkStepFailedException($"{Describe(step)}: task {id} failed ({snapshot.FailureReason}): {snapshot.Error}");
            }
        }
        catch (OperationCanceledException)
        {
            await StopQuietly(task);
            throw;
        }
    }

    /// <summary>Cancels a task the job no longer waits for; its container is told to stop, and may still be going away when this returns.</summary>
    public static async Task StopQuietly(ITaskGrain task)
    {
        try
        {
            await task.Cancel();
        }
        catch (TaskAlreadyFinishedException)
        {
            // It ended on its own.
        }
    }

    private static bool IsMeasured(BenchmarkStep step, TaskSnapshot task) =>
        task.Conditions is { Cold: false } conditions && (step.CacheWays is null || conditions.CacheAllocation is { Ways: not null });

    private static ExecutionSample SampleOf(BenchmarkStep step, TaskSnapshot task) => new(
        step.InputSize,
        task.WallTime!.Value.TotalMilliseconds,
        task.Metrics?.CpuMs,
        task.Metrics?.PeakMemoryBytes,
        task.Metrics?.ReadBytes,
        task.Metrics?.WriteBytes,
        task.Metrics?.LlcReferences,
        task.Metrics?.LlcMisses);

    private static string Describe(BenchmarkStep step) =>
        $"{step.Workload} at input size {step.InputSize}{(step.CacheWays is { } ways ? $" with {ways} cache ways" : "")} on provider {step.Provider}";
}
