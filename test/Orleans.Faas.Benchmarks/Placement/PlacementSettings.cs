namespace Orleans.Faas.Benchmarks.Placement;

/// <param name="Providers">How many providers the cluster has; the benchmark waits until that many are scored.</param>
/// <param name="Repetitions">Measured pinned runs of every task kind on every provider, for the true run times.</param>
/// <param name="Tasks">Tasks in the arrival sequence every placement is given.</param>
/// <param name="Load">How busy the arrivals keep the cluster under ideal placement, as a fraction of its capacity.</param>
/// <param name="Output">The folder the charts and the task log are written to.</param>
public sealed record PlacementSettings(Uri Gateway, int Providers, int Repetitions, int Tasks, double Load, int Seed, string Output);
