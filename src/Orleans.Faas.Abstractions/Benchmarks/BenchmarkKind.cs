namespace Orleans.Faas.Benchmarks;

[GenerateSerializer]
public enum BenchmarkKind
{
    /// <summary>The platform's CPU-bound and memory-bound workloads on providers, for their efficiency scores.</summary>
    Providers = 0,

    /// <summary>A function at several input sizes on the reference provider, for its profile.</summary>
    Profile = 1,

    /// <summary>A user's function at several input sizes on chosen providers, with overrides; results only.</summary>
    Workload = 2,
}
