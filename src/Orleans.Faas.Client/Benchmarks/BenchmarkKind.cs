namespace Orleans.Faas.Client;

/// <summary>What a benchmark job measures.</summary>
public enum BenchmarkKind
{
    /// <summary>The platform's workloads on providers, for their efficiency scores.</summary>
    Providers,

    /// <summary>A function on the reference provider at several input sizes, for its profile.</summary>
    Profile,

    /// <summary>A function, or variants of it, on chosen providers.</summary>
    Workload,
}
