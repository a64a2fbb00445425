namespace Orleans.Faas.Client;

/// <summary>The gateway's 202 answer to a batch: the batch it made.</summary>
internal sealed record BatchAccepted(Guid BatchId, BatchStatus Status, int Total);
