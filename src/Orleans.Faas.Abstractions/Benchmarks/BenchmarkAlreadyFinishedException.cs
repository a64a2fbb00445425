namespace Orleans.Faas.Benchmarks;

[GenerateSerializer, Alias("faas.BenchmarkAlreadyFinishedException")]
public sealed class BenchmarkAlreadyFinishedException(Guid id, BenchmarkStatus status)
    : Exception($"Benchmark '{id}' has already finished: it is {status.ToString().ToUpperInvariant()}.")
{
    [Id(0)]
    public Guid Id { get; } = id;
}
