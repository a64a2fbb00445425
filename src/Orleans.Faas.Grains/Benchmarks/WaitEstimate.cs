namespace Orleans.Faas.Benchmarks;

/// <summary>
/// When a running job will free the slot, from its own progress: the time per run so far times the runs left. Before
/// its first run ends, a run is taken to last as long as one of the last finished job of its kind, and at least as long
/// as the one still going has; never beyond what is left of its timeout.
/// </summary>
public static class WaitEstimate
{
    /// <param name="previousSecondsPerRun">Seconds per run of the last finished job of the same kind, when the slot saw one.</param>
    public static double Seconds(BenchmarkSnapshot job, DateTimeOffset now, double? previousSecondsPerRun = null)
    {
        var elapsed = Math.Max(0, (now - (job.StartedAt ?? job.CreatedAt)).TotalSeconds);
        var estimate = job.Done > 0
            ? elapsed / job.Done * Math.Max(0, job.Total - job.Done)
            : Math.Max(previousSecondsPerRun ?? 0, elapsed) * job.Total - elapsed;
        return Math.Max(1, Math.Ceiling(Math.Min(estimate, job.Request.Timeout.TotalSeconds - elapsed)));
    }

    /// <summary>Seconds per run of a finished job; null when it ran nothing.</summary>
    public static double? SecondsPerRun(BenchmarkSnapshot finished) =>
        finished is { Status: BenchmarkStatus.Finished, Done: > 0, StartedAt: { } started, FinishedAt: { } ended }
            ? (ended - started).TotalSeconds / finished.Done
            : null;
}
