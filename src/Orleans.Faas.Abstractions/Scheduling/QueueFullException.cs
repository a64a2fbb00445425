namespace Orleans.Faas.Scheduling;

/// <summary>
/// Every provider that could run the task has a full queue (<c>Faas:Worker:MaxQueued</c>), so the task was not taken
/// and nothing of it was kept; offered again after <see cref="RetryAfterSeconds"/>, it may find room.
/// </summary>
[GenerateSerializer, Alias("faas.QueueFullException")]
public sealed class QueueFullException(string why, double retryAfterSeconds) : Exception(why)
{
    /// <summary>How soon a place is expected to free up: the soonest predicted end of a run on a full provider, at least 1 s.</summary>
    [Id(0)]
    public double RetryAfterSeconds { get; } = retryAfterSeconds;
}
