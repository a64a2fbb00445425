namespace Orleans.Faas.Benchmarks;

[GenerateSerializer, Alias("faas.BenchmarkSlotBusyException")]
public sealed class BenchmarkSlotBusyException(Guid holder, double waitSeconds)
    : Exception($"Benchmark {holder} holds the cluster's benchmark slot; try again in about {Math.Ceiling(waitSeconds)} s.")
{
    [Id(0)]
    public Guid Holder { get; } = holder;

    /// <summary>An estimate of when the slot frees up, from the running job's progress.</summary>
    [Id(1)]
    public double WaitSeconds { get; } = waitSeconds;
}
