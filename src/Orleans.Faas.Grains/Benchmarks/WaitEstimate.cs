namespace Orleans.Faas.Benchmarks;

/// <summary>When a running job will free the slot, from its own progress: the time per run so far times the runs left.</summary>
public static class WaitEstimate
{
    public static double Seconds(BenchmarkSnapshot job, DateTimeOffset now)
    {
        var elapsed = (now - (job.StartedAt ?? job.CreatedAt)).TotalSeconds;
        // Before its first run ends, all that is known is how long it may still take at most.
        var estimate = job.Done > 0
            ? elapsed / job.Done * Math.Max(0, job.Total - job.Done)
            : job.Request.Timeout.TotalSeconds - elapsed;
        return Math.Max(1, Math.Ceiling(estimate));
    }
}
