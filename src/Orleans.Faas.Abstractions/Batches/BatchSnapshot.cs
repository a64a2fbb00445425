using Orleans.Faas.Callbacks;

namespace Orleans.Faas.Batches;

/// <summary>A batch as callers see it: how many of its tasks are where, and whether all have finished.</summary>
/// <param name="Callback">How delivering the finished batch to its callback URL went; null without one or before it finished.</param>
/// <param name="Host">The silo the batch is active on as it answers; another one after that silo is lost.</param>
[GenerateSerializer, Immutable, Alias("faas.BatchSnapshot")]
public sealed record BatchSnapshot(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Function,
    [property: Id(2)] int FunctionVersion,
    [property: Id(3)] int Total,
    [property: Id(4)] int Queued,
    [property: Id(5)] int Running,
    [property: Id(6)] int Completed,
    [property: Id(7)] int Failed,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] DateTimeOffset? FinishedAt,
    [property: Id(10)] CallbackStatus? Callback = null,
    [property: Id(11)] string? Host = null)
{
    public bool IsFinished => Completed + Failed == Total;
}
