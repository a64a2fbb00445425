namespace Orleans.Faas.Client;

/// <summary>A task's place in a batch.</summary>
/// <param name="Index">Its input's position in the batch, from 0.</param>
public sealed record TaskBatch(Guid BatchId, int Index);
