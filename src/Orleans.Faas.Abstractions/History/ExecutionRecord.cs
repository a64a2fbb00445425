using System.Collections.Immutable;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.History;

/// <summary>
/// One finished attempt of a task: what ran where, how long it waited and ran, and what it cost.
/// CPU time, peak memory, IO bytes and cache counters are null where the node could not measure them, never zero.
/// </summary>
/// <param name="WallMs">The run itself; getting its container is <paramref name="ContainerMs"/>.</param>
/// <param name="InputSize">The size the work follows: the input's byte length unless the caller declared another.</param>
/// <param name="Cold">A new container was started for the run; null when the run never started.</param>
/// <param name="ContainerMs">How long getting the container took; null for a process or a run that never started.</param>
/// <param name="CpuQuota">The CPU quota, in cores, the run got; null when it had none.</param>
/// <param name="RunningAtStart">Tasks running on the node when this one started, itself not counted.</param>
/// <param name="QueuedAtStart">Tasks waiting on the node when this one started.</param>
/// <param name="PredictedMs">The wall time the placement predicted for the run on this provider; null when none was predicted.</param>
/// <param name="ModelVersion">The model that predicted it: 0 for the linear efficiency model; null when none was predicted.</param>
/// <param name="Features">The values of the function's declared features the invocation carried; null when it carried none.</param>
/// <param name="Policy">The placement policy that chose the provider, e.g. <c>predictive</c>; null for a pinned task.</param>
[GenerateSerializer, Immutable, Alias("faas.ExecutionRecord")]
public sealed record ExecutionRecord(
    [property: Id(0)] Guid TaskId,
    [property: Id(1)] int Attempt,
    [property: Id(2)] string Function,
    [property: Id(3)] int FunctionVersion,
    [property: Id(4)] string Provider,
    [property: Id(5)] int InputBytes,
    [property: Id(6)] DateTimeOffset QueuedAt,
    [property: Id(7)] DateTimeOffset StartedAt,
    [property: Id(8)] DateTimeOffset FinishedAt,
    [property: Id(9)] double WallMs,
    [property: Id(10)] double? CpuMs,
    [property: Id(11)] long? PeakMemoryBytes,
    [property: Id(12)] int? ExitCode,
    [property: Id(13)] TaskState Status,
    [property: Id(14)] string? FailureReason,
    [property: Id(15)] long? ReadBytes = null,
    [property: Id(16)] long? WriteBytes = null,
    [property: Id(17)] long? LlcReferences = null,
    [property: Id(18)] long? LlcMisses = null,
    [property: Id(19)] long? InputSize = null,
    [property: Id(20)] bool? Cold = null,
    [property: Id(21)] double? ContainerMs = null,
    [property: Id(22)] double? CpuQuota = null,
    [property: Id(23)] int? RunningAtStart = null,
    [property: Id(24)] int? QueuedAtStart = null,
    [property: Id(25)] double? PredictedMs = null,
    [property: Id(26)] int? ModelVersion = null,
    [property: Id(27)] string? Policy = null,
    [property: Id(28)] ImmutableDictionary<string, double>? Features = null);
