namespace Orleans.Faas.Benchmarks;

/// <summary>QUEUED → RUNNING → CLEANUP → FINISHED or FAILED; every job reaches one of the last two.</summary>
[GenerateSerializer]
public enum BenchmarkStatus
{
    Queued = 0,
    Running = 1,
    Cleanup = 2,
    Finished = 3,
    Failed = 4,
}
