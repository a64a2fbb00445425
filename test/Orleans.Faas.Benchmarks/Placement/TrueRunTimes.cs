using Orleans.Faas.Benchmarks.Measurement;

namespace Orleans.Faas.Benchmarks.Placement;

/// <summary>
/// The true run time of every kind of task on every provider: the median wall time of warm runs pinned there. Each
/// provider runs one task after another, all providers at once, and the faster ones go on until the slowest has its
/// runs, so every provider is measured with the others busy, as in the arrival runs. These runs also fill the
/// execution history the runtime model is trained on.
/// </summary>
public sealed class TrueRunTimes
{
    private readonly Dictionary<(TaskKind Kind, string Provider), Samples> _samples = [];

    private TrueRunTimes(IReadOnlyList<TaskKind> kinds, IReadOnlyList<string> providers)
    {
        Kinds = kinds;
        Providers = providers;
        foreach (var kind in kinds)
        {
            foreach (var provider in providers)
                _samples[(kind, provider)] = new Samples($"{kind} on {provider}");
        }
    }

    public IReadOnlyList<TaskKind> Kinds { get; }

    public IReadOnlyList<string> Providers { get; }

    /// <summary>
    /// A first, unmeasured round over every kind starts each function's container; then measured rounds, at least
    /// <paramref name="repetitions"/> on every provider.
    /// </summary>
    public static async Task<TrueRunTimes> Measure(FaasApi api, IReadOnlyList<TaskKind> kinds, IReadOnlyList<string> providers, int repetitions)
    {
        var times = new TrueRunTimes(kinds, providers);
        // Providers still short of their measured rounds; the others keep running until none is.
        var stillShort = providers.Count;
        await Task.WhenAll(providers.Select(async provider =>
        {
            for (var round = 0; round <= repetitions || Volatile.Read(ref stillShort) > 0; round++)
            {
                foreach (var kind in kinds)
                {
                    var task = await api.Run(kind.Function.Name, kind.Input(), provider);
                    if (round > 0)
                        times._samples[(kind, provider)].Add(task.Metrics!.WallMs);
                }
                if (round == repetitions)
                    Interlocked.Decrement(ref stillShort);
            }
        }));
        return times;
    }

    /// <summary>The median wall time, in milliseconds, of the kind on the provider.</summary>
    public double Ms(TaskKind kind, string provider) => _samples[(kind, provider)].Median;

    /// <summary>The mean over the mix, every kind equally likely, on the provider.</summary>
    public double MeanMs(string provider) => Kinds.Average(kind => Ms(kind, provider));

    /// <summary>Tasks per second the providers finish together when each runs the mix one task at a time: Σ 1 / mean run time.</summary>
    public double CapacityPerSecond => Providers.Sum(provider => 1000 / MeanMs(provider));
}
