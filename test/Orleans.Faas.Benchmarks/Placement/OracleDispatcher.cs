namespace Orleans.Faas.Benchmarks.Placement;

/// <summary>
/// The placement to beat, made by the benchmark itself: each task goes where it would finish first given the true run
/// times and everything the oracle has already sent (each provider runs one task at a time), and is pinned there.
/// </summary>
public sealed class OracleDispatcher(TrueRunTimes times)
{
    private readonly Dictionary<string, TimeSpan> _busyUntil = times.Providers.ToDictionary(p => p, _ => TimeSpan.Zero);

    /// <param name="now">When the task is submitted, on the run's clock.</param>
    public string Place(TaskKind kind, TimeSpan now)
    {
        var (provider, finish) = times.Providers
            .Select(p => (Provider: p, Finish: Max(now, _busyUntil[p]) + TimeSpan.FromMilliseconds(times.Ms(kind, p))))
            .MinBy(choice => choice.Finish);
        _busyUntil[provider] = finish;
        return provider;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
