using Orleans.Faas.Tasks;

namespace Orleans.Faas.Batches;

/// <summary>One input's task in a batch, with its output once it completed.</summary>
/// <param name="Index">The input's position in the batch, from 0.</param>
[GenerateSerializer, Immutable, Alias("faas.BatchItem")]
public sealed record BatchItem(
    [property: Id(0)] int Index,
    [property: Id(1)] Guid TaskId,
    [property: Id(2)] TaskState Status,
    [property: Id(3)] byte[]? Output,
    [property: Id(4)] string? FailureReason,
    [property: Id(5)] string? Error);
