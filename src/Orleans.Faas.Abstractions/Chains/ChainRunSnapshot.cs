using System.Collections.Immutable;
using Orleans.Faas.Callbacks;

namespace Orleans.Faas.Chains;

/// <summary>A chain run as callers see it: every step, and the output once it completed.</summary>
/// <param name="Host">The silo the run grain lives on now.</param>
/// <param name="FailedStep">The index of the step that failed the run; null unless it FAILED.</param>
/// <param name="Error">Why the run failed, naming the step and its task.</param>
/// <param name="Output">The last step's output once the run COMPLETED.</param>
[GenerateSerializer, Immutable, Alias("faas.ChainRunSnapshot")]
public sealed record ChainRunSnapshot(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Chain,
    [property: Id(2)] int ChainVersion,
    [property: Id(3)] ChainRunStatus Status,
    [property: Id(4)] ImmutableArray<ChainStepSnapshot> Steps,
    [property: Id(5)] int InputBytes,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset? FinishedAt,
    [property: Id(8)] string? Host,
    [property: Id(9)] int? FailedStep,
    [property: Id(10)] string? Error,
    [property: Id(11)] byte[]? Output,
    [property: Id(12)] CallbackStatus? Callback = null)
{
    public bool IsFinished => Status is ChainRunStatus.Completed or ChainRunStatus.Failed;
}
