namespace Orleans.Faas.Client;

/// <summary>One finished attempt of a task: its times, cost, the conditions it ran in, and what placement predicted for it.</summary>
public sealed record ExecutionRecord
{
    public Guid TaskId { get; init; }

    public int Attempt { get; init; }

    public string Function { get; init; } = "";

    public int FunctionVersion { get; init; }

    public string Provider { get; init; } = "";

    public long InputBytes { get; init; }

    public DateTimeOffset QueuedAt { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset FinishedAt { get; init; }

    /// <summary>The run itself, without queueing.</summary>
    public double WallMs { get; init; }

    public double? CpuMs { get; init; }

    public long? PeakMemoryBytes { get; init; }

    public int? ExitCode { get; init; }

    public TaskState Status { get; init; }

    public string? FailureReason { get; init; }

    public long? ReadBytes { get; init; }

    public long? WriteBytes { get; init; }

    public long? LlcReferences { get; init; }

    public long? LlcMisses { get; init; }

    public long? InputSize { get; init; }

    public bool? Cold { get; init; }

    public double? ContainerMs { get; init; }

    public double? CpuQuota { get; init; }

    public int? RunningAtStart { get; init; }

    public int? QueuedAtStart { get; init; }

    /// <summary>The run time placement predicted, the model version that predicted it, and the policy.</summary>
    public double? PredictedMs { get; init; }

    public int? ModelVersion { get; init; }

    public string? Policy { get; init; }

    /// <summary>The values of the function's declared features the invocation carried; null when it carried none.</summary>
    public IReadOnlyDictionary<string, double>? Features { get; init; }
}
