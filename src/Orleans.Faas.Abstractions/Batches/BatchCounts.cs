namespace Orleans.Faas.Batches;

/// <summary>A batch's tasks by status.</summary>
public sealed record BatchCounts(int Queued, int Running, int Completed, int Failed);
