using System.Collections.Immutable;
using Orleans.Faas.Batches;
using Orleans.Faas.Callbacks;

namespace Orleans.Faas.HttpModel.Batches;

/// <summary>A batch as the API shows it, and the body of its callback (without items).</summary>
/// <param name="Host">The silo the batch is active on as it answers.</param>
/// <param name="Items">A page of its items in input order; null when the read asked for none.</param>
/// <param name="Callback">How delivering the finished batch to its callback URL goes; null without one or before it finished.</param>
public sealed record BatchResponse(
    Guid Id,
    string Function,
    int FunctionVersion,
    BatchStatus Status,
    bool Finished,
    int Total,
    BatchCounts Counts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    string StatusUrl,
    CallbackStatus? Callback,
    string? Host,
    ImmutableArray<BatchItemResponse>? Items = null)
{
    public static BatchResponse From(BatchSnapshot b, ImmutableArray<BatchItem>? items = null) => new(
        b.Id, b.Function, b.FunctionVersion, b.IsFinished ? BatchStatus.Finished : BatchStatus.Running, b.IsFinished, b.Total,
        new BatchCounts(b.Queued, b.Running, b.Completed, b.Failed), b.CreatedAt, b.FinishedAt, BatchUrls.Status(b.Id), b.Callback, b.Host,
        items?.Select(BatchItemResponse.From).ToImmutableArray());
}
