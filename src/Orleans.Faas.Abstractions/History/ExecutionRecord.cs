using Orleans.Faas.Tasks;

namespace Orleans.Faas.History;

/// <summary>
/// One finished attempt of a task: what ran where, how long it waited and ran, and what it cost.
/// CPU time, peak memory, IO bytes and cache counters are null where the node could not measure them, never zero.
/// </summary>
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
    [property: Id(18)] long? LlcMisses = null);
