using Orleans.Faas.Benchmarks.Measurement;

namespace Orleans.Faas.Benchmarks.Placement;

/// <summary>Every task of one arrival run under one placement, and the figures the result table shows.</summary>
/// <param name="hostLoad">The host's 1-minute load average when the last task finished.</param>
public sealed class RunResult(string placement, DateTimeOffset startedAt, IReadOnlyList<FinishedTask> tasks, double? hostLoad)
{
    public string Placement { get; } = placement;

    public IReadOnlyList<FinishedTask> Tasks { get; } = tasks;

    public IEnumerable<FinishedTask> Completed => Tasks.Where(t => t.Completed);

    public int Failed => Tasks.Count(t => !t.Completed);

    /// <summary>Completed runs that had to start a new container.</summary>
    public int Cold => Completed.Count(t => t.Task.Metrics?.Cold == true);

    public Samples Completion { get; } = Collect(placement, tasks);

    /// <summary>From the run's start to the last task's end.</summary>
    public TimeSpan Makespan => Tasks.Max(t => t.Task.FinishedAt!.Value) - startedAt;

    public double? HostLoad { get; } = hostLoad;

    public int CompletedOn(string provider) => Completed.Count(t => t.Task.Provider == provider);

    private static Samples Collect(string placement, IEnumerable<FinishedTask> tasks)
    {
        var samples = new Samples(placement);
        foreach (var task in tasks.Where(t => t.Completed))
            samples.Add(task.Completion);
        return samples;
    }
}
