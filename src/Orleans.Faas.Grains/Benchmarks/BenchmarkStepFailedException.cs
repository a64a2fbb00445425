namespace Orleans.Faas.Benchmarks;

/// <summary>A run of a job did not complete; the message names the step and its task.</summary>
public sealed class BenchmarkStepFailedException(string message) : Exception(message);
