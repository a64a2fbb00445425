using System.Collections.Immutable;

namespace Orleans.Faas.Benchmarks;

/// <summary>What a user workload changes in the function's definition for the benchmark only; null keeps the function's own.</summary>
/// <param name="Secrets">Secrets of its namespace mounted into the benchmark's containers besides the function's own.</param>
[GenerateSerializer, Immutable, Alias("faas.WorkloadOverrides")]
public sealed record WorkloadOverrides(
    [property: Id(0)] string? Image = null,
    [property: Id(1)] double? Cpu = null,
    [property: Id(2)] int? MemoryMiB = null,
    [property: Id(3)] ImmutableDictionary<string, string>? Env = null,
    [property: Id(4)] ImmutableArray<string>? Secrets = null);
