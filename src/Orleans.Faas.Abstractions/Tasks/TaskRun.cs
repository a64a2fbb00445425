using System.Collections.Immutable;

namespace Orleans.Faas.Tasks;

/// <summary>One finished run of a task's function: how it ended and, when the task's retry policy ran it again, when.</summary>
/// <param name="Attempt">The task's attempt it was (<see cref="TaskSnapshot.Attempts"/> counts placements, so a lost provider skips numbers).</param>
/// <param name="FailureReason">Null when it succeeded.</param>
/// <param name="RetryAt">When the next run was due; null for the last run.</param>
[GenerateSerializer, Immutable, Alias("faas.TaskRun")]
public sealed record TaskRun(
    [property: Id(0)] int Attempt,
    [property: Id(1)] string? Provider,
    [property: Id(2)] DateTimeOffset? StartedAt,
    [property: Id(3)] DateTimeOffset FinishedAt,
    [property: Id(4)] TaskState Status,
    [property: Id(5)] int? ExitCode,
    [property: Id(6)] string? FailureReason,
    [property: Id(7)] string? Error,
    [property: Id(8)] DateTimeOffset? RetryAt = null);

/// <summary>A task's finished runs, oldest first; equal when their runs are, as an array alone is only to itself.</summary>
[GenerateSerializer, Immutable, Alias("faas.TaskRuns")]
public sealed record TaskRuns([property: Id(0)] ImmutableArray<TaskRun> Items)
{
    public static readonly TaskRuns None = new([]);

    public bool Equals(TaskRuns? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Length;
}
