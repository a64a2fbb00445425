namespace Orleans.Faas.Client;

/// <summary>One attempt of a task in the task list: held by a provider now (QUEUED, RUNNING) or finished (COMPLETED, FAILED).</summary>
public sealed record TaskListEntry
{
    public Guid Id { get; init; }

    public int Attempt { get; init; }

    public string Function { get; init; } = "";

    public int FunctionVersion { get; init; }

    public TaskState Status { get; init; }

    public string Provider { get; init; } = "";

    /// <summary>When it took its status: joined the provider's queue, took a slot there, or finished.</summary>
    public DateTimeOffset Since { get; init; }

    /// <summary>The run's wall time; null until it finished.</summary>
    public double? WallMs { get; init; }

    /// <summary>The run time placement predicted for it; null while it is held or when none was predicted.</summary>
    public double? PredictedMs { get; init; }

    /// <summary>Why a FAILED attempt failed; null otherwise.</summary>
    public string? FailureReason { get; init; }
}
