using Orleans.Faas.Profiles;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Benchmarks;

/// <summary>
/// Measures one step through the platform's own task path: every run is a task pinned to the step's provider. A
/// warm-up run comes first; only warm runs are measured, so container start-up never counts.
/// </summary>
public sealed class BenchmarkRuns(IGrainFactory grains)
{
    // Each wait stays well inside Orleans' response timeout.
    private static readonly TimeSpan WaitSlice = TimeSpan.FromSeconds(10);

    /// <param name="onTask">Told of each task as it is submitted, before it is waited for.</param>
    /// <param name="onRun">Told each time a run has finished.</param>
    public async Task<RunStatistics> Measure(BenchmarkStep step, int repetitions, Func<Guid, Task> onTask, Func<Task> onRun, CancellationToken cancellationToken)
    {
        await RunOnce(step, onTask, cancellationToken);
        await onRun();
        var samples = new List<ExecutionSample>();
        // A run that found no warm container (one was lost, say) is not measured; a few more runs make up for it.
        for (var run = 0; samples.Count < repetitions && run < 2 * repetitions; run++)
        {
            var task = await RunOnce(step, onTask, cancellationToken);
            if (task.Conditions is { Cold: false })
                samples.Add(SampleOf(step, task));
            await onRun();
        }
        return samples.Count > 0
            ? SampleStatistics.Summarise(samples)
            : throw new BenchmarkStepFailedException($"{Describe(step)}: no run found a warm container, so nothing could be measured.");
    }

    private async Task<TaskSnapshot> RunOnce(BenchmarkStep step, Func<Guid, Task> onTask, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var task = grains.GetGrain<ITaskGrain>(id);
        await task.Submit(new TaskSubmission(step.Function, step.Input, step.InputSize, step.Provider));
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

    /// <summary>Cancels a task the job no longer waits for; its container is gone when this returns.</summary>
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

    private static ExecutionSample SampleOf(BenchmarkStep step, TaskSnapshot task) => new(
        step.InputSize,
        task.WallTime!.Value.TotalMilliseconds,
        task.Metrics?.CpuMs,
        task.Metrics?.PeakMemoryBytes,
        task.Metrics?.ReadBytes,
        task.Metrics?.WriteBytes,
        task.Metrics?.LlcReferences,
        task.Metrics?.LlcMisses);

    private static string Describe(BenchmarkStep step) => $"{step.Workload} at input size {step.InputSize} on provider {step.Provider}";
}
