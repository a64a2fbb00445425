namespace Orleans.Faas.Batches;

[GenerateSerializer, Alias("faas.BatchNotFoundException")]
public sealed class BatchNotFoundException(Guid id) : Exception($"Batch '{id}' does not exist.")
{
    [Id(0)]
    public Guid Id { get; } = id;
}
