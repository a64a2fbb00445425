namespace Orleans.Faas.Client;

/// <summary>The gateway's 202 answer to a benchmark or profile request: the job it started.</summary>
internal sealed record BenchmarkAccepted(Guid BenchmarkId, BenchmarkStatus Status);
