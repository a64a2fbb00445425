namespace Orleans.Faas.Chains;

/// <summary>One step of a run as callers see it.</summary>
/// <param name="FunctionVersion">The function version its task (or batch) ran; null until it started.</param>
/// <param name="TaskId">The step's task; null for a fan-out step, or when its task was refused before it existed.</param>
/// <param name="BatchId">A fan-out step's batch; null otherwise.</param>
[GenerateSerializer, Immutable, Alias("faas.ChainStepSnapshot")]
public sealed record ChainStepSnapshot(
    [property: Id(0)] int Index,
    [property: Id(1)] string Function,
    [property: Id(2)] FanOut? FanOut,
    [property: Id(3)] int? FunctionVersion,
    [property: Id(4)] Guid? TaskId,
    [property: Id(5)] Guid? BatchId,
    [property: Id(6)] ChainStepStatus Status,
    [property: Id(7)] DateTimeOffset? StartedAt,
    [property: Id(8)] DateTimeOffset? FinishedAt,
    [property: Id(9)] string? FailureReason,
    [property: Id(10)] string? Error);
