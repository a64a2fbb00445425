using Orleans.Faas.Functions;

namespace Orleans.Faas.Benchmarks;

/// <summary>One workload at one input size on one provider: a warm-up run, then the repetitions that are measured.</summary>
/// <param name="Workload">What the measurement is called in the results: <c>cpu</c>, <c>memory</c> or the function's name.</param>
/// <param name="Function">The job's own copy of the definition, under a name only the job uses, so its cleanup touches nothing else.</param>
/// <param name="CacheWays">The L3 cache ways its runs get of their own, in a profile's way sweep; null leaves them the whole cache.</param>
public sealed record BenchmarkStep(string Provider, string Workload, FunctionVersion Function, long InputSize, byte[] Input, int? CacheWays = null);
