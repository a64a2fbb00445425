namespace Orleans.Faas.Gateway.Batches;

/// <summary>A batch with more items than <c>Faas:Gateway:MaxBatchItems</c>.</summary>
public sealed class TooManyBatchItemsException(int limit)
    : Exception($"A batch may have at most {limit} items (Faas:Gateway:MaxBatchItems); split it into several.")
{
    public int Limit { get; } = limit;
}
