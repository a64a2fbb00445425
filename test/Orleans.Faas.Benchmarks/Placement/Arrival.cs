namespace Orleans.Faas.Benchmarks.Placement;

/// <summary>One task of an arrival sequence: when it is submitted, counted from the start of the run, and what it is.</summary>
public sealed record Arrival(int Index, TimeSpan Offset, TaskKind Kind);
