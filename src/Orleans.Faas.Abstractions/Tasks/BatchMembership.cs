namespace Orleans.Faas.Tasks;

/// <summary>A task's place in a batch.</summary>
/// <param name="Index">Its input's position in the batch, from 0.</param>
[GenerateSerializer, Immutable, Alias("faas.BatchMembership")]
public sealed record BatchMembership(
    [property: Id(0)] Guid BatchId,
    [property: Id(1)] int Index);
