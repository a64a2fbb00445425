namespace Orleans.Faas.Client;

/// <summary>Where a benchmark job is: QUEUED → RUNNING → CLEANUP → FINISHED | FAILED.</summary>
public enum BenchmarkStatus
{
    Queued,
    Running,
    Cleanup,
    Finished,
    Failed,
}
