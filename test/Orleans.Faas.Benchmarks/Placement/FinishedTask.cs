using Orleans.Faas.Tasks;

namespace Orleans.Faas.Benchmarks.Placement;

/// <summary>A task of an arrival run once it finished, with the moment the benchmark submitted it.</summary>
public sealed record FinishedTask(Arrival Arrival, DateTimeOffset SubmittedAt, TaskView Task)
{
    public bool Completed => Task.Status == TaskState.Completed;

    /// <summary>From submission to the end of the run: waiting, getting a container and the run itself.</summary>
    public TimeSpan Completion => Task.FinishedAt!.Value - SubmittedAt;
}
