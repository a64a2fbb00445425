using Orleans.Faas.Batches;
using Orleans.Faas.HttpModel.Batches;

namespace Orleans.Faas.Gateway.Batches;

/// <summary>The 202 body of a started batch: where to follow it.</summary>
public sealed record BatchAccepted(Guid BatchId, BatchStatus Status, int Total, string StatusUrl)
{
    public static BatchAccepted For(BatchSnapshot batch) =>
        new(batch.Id, batch.IsFinished ? BatchStatus.Finished : BatchStatus.Running, batch.Total, BatchUrls.Status(batch.Id));
}
