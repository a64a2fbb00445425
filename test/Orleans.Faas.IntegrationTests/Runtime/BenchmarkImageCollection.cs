namespace Orleans.Faas.IntegrationTests.Runtime;

/// <summary>
/// Tests that use, remove or replace the benchmark image: there is one of it on the test dockerd, so they run one at
/// a time, and after the parallel tests, because timing a CPU cap on a busy two-core machine measures the machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BenchmarkImageCollection
{
    public const string Name = "benchmark image";
}
