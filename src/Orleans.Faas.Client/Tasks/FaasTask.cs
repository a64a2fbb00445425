namespace Orleans.Faas.Client;

/// <summary>One invocation's task: where it is, where it ran, and what it cost.</summary>
public sealed record FaasTask
{
    public Guid Id { get; init; }

    public string Function { get; init; } = "";

    public int FunctionVersion { get; init; }

    public TaskState Status { get; init; }

    /// <summary>The provider it runs or ran on.</summary>
    public string? Provider { get; init; }

    /// <summary>How often it was placed (more than once when its node was lost).</summary>
    public int Attempts { get; init; }

    public DateTimeOffset QueuedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public int? ExitCode { get; init; }

    /// <summary>Why it failed: <c>exit code</c>, <c>timeout</c>, <c>oom</c>, <c>cancelled</c>, <c>provider lost</c>, ...</summary>
    public string? FailureReason { get; init; }

    public string? Error { get; init; }

    public long InputBytes { get; init; }

    /// <summary>The size its work follows: the input's byte length unless the invocation declared another.</summary>
    public long InputSize { get; init; }

    public string? PinnedProvider { get; init; }

    public long ResultBytes { get; init; }

    /// <summary>What its run cost, once it finished.</summary>
    public TaskMetrics? Metrics { get; init; }

    /// <summary>Why it was placed where it was.</summary>
    public PlacementDecision? Placement { get; init; }

    /// <summary>The cache ways its run got, or why none; null when it needed none or its node cannot allocate cache.</summary>
    public CacheAllocation? CacheAllocation { get; init; }

    /// <summary>The batch it is one item of, if any.</summary>
    public TaskBatch? Batch { get; init; }

    /// <summary>How delivering it to its callback URL goes, once it finished; null without one.</summary>
    public CallbackDelivery? Callback { get; init; }

    /// <summary>The W3C trace id its spans and the platform's log lines about it carry (yours, when you sent a <c>traceparent</c>); null when the platform exports no traces.</summary>
    public string? TraceId { get; init; }

    /// <summary>Each finished run of its function, oldest first: more than one when its retry policy ran it again.</summary>
    public IReadOnlyList<TaskRun> Runs { get; init; } = [];

    /// <summary>When its next run is due while it waits for a retry; null otherwise.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>How handing its outcome to its function's destination goes, once it finished; null without one.</summary>
    public DestinationHandover? Destination { get; init; }

    public bool IsFinished => Status is TaskState.Completed or TaskState.Failed;
}
