using Orleans.Faas.Callbacks;

namespace Orleans.Faas.Chains;

/// <summary>The persisted state of one chain run; <see cref="Request"/> is null until it is started.</summary>
[GenerateSerializer, Alias("faas.ChainRunRecord")]
public sealed class ChainRunRecord
{
    [Id(0)]
    public ChainRunRequest? Request { get; set; }

    [Id(1)]
    public ChainRunStatus Status { get; set; }

    /// <summary>One per step of the request, in order.</summary>
    [Id(2)]
    public List<ChainStepRecord> Steps { get; set; } = [];

    [Id(3)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(4)]
    public DateTimeOffset? FinishedAt { get; set; }

    [Id(5)]
    public int? FailedStep { get; set; }

    [Id(6)]
    public string? Error { get; set; }

    /// <summary>The last step's output, kept once the run completed.</summary>
    [Id(7)]
    public byte[]? Output { get; set; }

    /// <summary>How delivering the finished run to its callback URL goes; null without one or before it finished.</summary>
    [Id(8)]
    public CallbackStatus? Callback { get; set; }

    public bool IsFinished => Status is ChainRunStatus.Completed or ChainRunStatus.Failed;
}

/// <summary>
/// One step of a run. Its task or batch id is chosen and persisted before it is submitted, so a run that lost its silo
/// between the two submits again under the same id, which does nothing when the first submission went through.
/// </summary>
[GenerateSerializer, Alias("faas.ChainStepRecord")]
public sealed class ChainStepRecord
{
    [Id(0)]
    public ChainStepStatus Status { get; set; }

    [Id(1)]
    public int? FunctionVersion { get; set; }

    [Id(2)]
    public Guid? TaskId { get; set; }

    [Id(3)]
    public Guid? BatchId { get; set; }

    [Id(4)]
    public DateTimeOffset? StartedAt { get; set; }

    [Id(5)]
    public DateTimeOffset? FinishedAt { get; set; }

    [Id(6)]
    public string? FailureReason { get; set; }

    [Id(7)]
    public string? Error { get; set; }
}
