namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>A provider that goes down during a run, and comes back empty.</summary>
public sealed record NodeFailure(string Node, double DownAtMs, double UpAtMs);
