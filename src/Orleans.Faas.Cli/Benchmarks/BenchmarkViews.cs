namespace Orleans.Faas.Cli.Benchmarks;

/// <summary>How people see benchmark jobs.</summary>
internal static class BenchmarkViews
{
    public static IRenderable List(IReadOnlyList<BenchmarkJob> jobs) => Tables.List(
        jobs,
        ("ID", j => j.Id),
        ("KIND", j => j.Request.Kind),
        ("FUNCTION", j => j.Request.Function),
        ("STATUS", j => j.Status),
        ("DONE", j => $"{j.Done}/{j.Total}"),
        ("TRIGGER", j => j.Request.Trigger),
        ("CREATED", j => j.CreatedAt),
        ("ERROR", j => j.Error));

    /// <summary>The job's fields, then one row per result.</summary>
    public static IRenderable Details(BenchmarkJob job) => new Rows(Tables.Details(job), Tables.List(
        job.Results,
        ("PROVIDER", r => r.Provider),
        ("WORKLOAD", r => r.Workload),
        ("INPUT SIZE", r => r.InputSize),
        ("CACHE WAYS", r => r.CacheWays),
        ("WALL ms", r => r.Stats.WallMs),
        ("Q1 ms", r => r.Stats.WallQ1Ms),
        ("Q3 ms", r => r.Stats.WallQ3Ms),
        ("SPREAD", r => r.Stats.WallSpread),
        ("CPU ms", r => r.Stats.CpuMs),
        ("SAMPLES", r => r.Stats.Samples)));
}
