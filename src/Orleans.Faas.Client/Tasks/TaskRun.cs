namespace Orleans.Faas.Client;

/// <summary>One finished run of a task's function, and when the next was due if its retry policy ran it again.</summary>
public sealed record TaskRun
{
    /// <summary>The task's attempt it was (<see cref="FaasTask.Attempts"/> counts placements).</summary>
    public int Attempt { get; init; }

    public string? Provider { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset FinishedAt { get; init; }

    public TaskState Status { get; init; }

    public int? ExitCode { get; init; }

    public string? FailureReason { get; init; }

    public string? Error { get; init; }

    /// <summary>When the next run was due; null for the last one.</summary>
    public DateTimeOffset? RetryAt { get; init; }
}
