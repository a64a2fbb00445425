using Orleans.Faas.Functions;
using Orleans.Faas.Prediction.Features;
using Orleans.Faas.Prediction.Linear;
using Orleans.Faas.Prediction.Training;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Benchmarks.Decisions;

/// <summary>
/// Made-up finished runs to train a model on: the profiled function at a tenth, one and ten times its size on the
/// simulated providers, under varied loads. Each took what the linear model says, slowed by the tasks it ran beside
/// and by a working set larger than the cache, with some noise: something the trees can learn beyond the linear model.
/// </summary>
public static class SyntheticRuns
{
    private static readonly double[] Scales = [0.1, 1, 10];

    /// <param name="providers">Scored providers (<see cref="Efficiency.Score"/>).</param>
    public static IReadOnlyList<TrainingRow> Rows(IReadOnlyList<ProviderSnapshot> providers, int count, int seed)
    {
        var random = new Random(seed);
        var rows = new List<TrainingRow>(count);
        for (var i = 0; i < count; i++)
        {
            var provider = providers[random.Next(providers.Count)];
            var scale = Scales[random.Next(Scales.Length)];
            var stats = ProfiledFunction.Stats with
            {
                WallMs = ProfiledFunction.Stats.WallMs * scale,
                CpuMs = ProfiledFunction.Stats.CpuMs * scale * (0.5 + random.NextDouble()),
                PeakMemoryBytes = ProfiledFunction.Stats.PeakMemoryBytes * scale,
            };
            var slots = provider.Load.Slots;
            var running = random.Next(slots);
            var features = RuntimeFeatures.Build(stats, (long)(ProfiledFunction.InputSize * scale), FunctionRuntime.Docker, new ProviderFeatures(
                provider.Scores?.CpuEfficiency,
                provider.Scores?.MemoryEfficiency,
                Math.Min(1, provider.Facts.CpuCap ?? double.PositiveInfinity),
                provider.Facts.LlcBytes,
                provider.Facts.MemoryBytes,
                running,
                random.NextDouble() < 0.2 ? random.Next(slots) : 0,
                random.NextDouble() < 0.3));
            var contention = 1 + 0.3 * running / slots;
            var cacheMisses = stats.PeakMemoryBytes > provider.Facts.LlcBytes ? 1.25 : 1;
            var noise = Math.Exp(0.08 * Gaussian(random));
            rows.Add(new TrainingRow(features, LinearEfficiencyModel.Instance.PredictMs(features) * contention * cacheMisses * noise));
        }
        return rows;
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    internal static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
