namespace Orleans.Faas.IntegrationTests.Runtime;

/// <summary>Tests that use, remove or replace the benchmark image: there is one of it on the test dockerd, so they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class BenchmarkImageCollection
{
    public const string Name = "benchmark image";
}
