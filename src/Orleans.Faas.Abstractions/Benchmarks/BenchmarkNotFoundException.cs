namespace Orleans.Faas.Benchmarks;

[GenerateSerializer, Alias("faas.BenchmarkNotFoundException")]
public sealed class BenchmarkNotFoundException(Guid id) : Exception($"Benchmark '{id}' does not exist.")
{
    [Id(0)]
    public Guid Id { get; } = id;
}
