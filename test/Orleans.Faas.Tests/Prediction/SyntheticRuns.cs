using Orleans.Faas.Functions;
using Orleans.Faas.Prediction.Features;
using Orleans.Faas.Prediction.Training;
using Orleans.Faas.Profiles;

namespace Orleans.Faas.Tests.Prediction;

/// <summary>
/// Runs whose wall time follows from their features the way real ones roughly do: the reference time scaled by the
/// provider's efficiency scores, except that a memory-bound function whose working set outgrows the provider's
/// cache runs three times slower, and a cold start costs 150 ms. The linear model only knows the first part.
/// </summary>
internal static class SyntheticRuns
{
    private sealed record Provider(double CpuEfficiency, double MemoryEfficiency, long LlcBytes);

    private static readonly Provider[] Providers =
    [
        new(1.0, 1.0, 32 << 20),
        new(2.0, 1.2, 8 << 20),
        new(0.5, 0.7, 4 << 20),
        new(1.4, 0.9, 16 << 20),
    ];

    /// <param name="unknownCache">The share of rows whose provider cache size and reference cache counters are missing.</param>
    public static List<TrainingRow> Generate(int count, int seed, double unknownCache = 0)
    {
        var random = new Random(seed);
        var rows = new List<TrainingRow>(count);
        for (var i = 0; i < count; i++)
        {
            var memoryBound = random.Next(2) == 0;
            var cpuShare = memoryBound ? 0.25 : 0.95;
            var inputSize = (long)Math.Pow(10, 3 + 4 * random.NextDouble());
            var referenceWallMs = 2 * Math.Pow(inputSize / 1000.0, 0.8);
            var peakMemoryBytes = 2e6 + 8.0 * inputSize;
            var provider = Providers[random.Next(Providers.Length)];
            var cold = random.Next(4) == 0;
            var unknown = random.NextDouble() < unknownCache;

            var cacheFactor = memoryBound && peakMemoryBytes > provider.LlcBytes ? 3 : 1;
            var wallMs = referenceWallMs * (cpuShare / provider.CpuEfficiency + (1 - cpuShare) * cacheFactor / provider.MemoryEfficiency)
                + (cold ? 150 : 0);
            var noise = 1 + 0.03 * (2 * random.NextDouble() - 1);

            var reference = new RunStatistics(referenceWallMs, referenceWallMs * 0.95, referenceWallMs * 1.05, 0.1, Samples: 5,
                CpuMs: cpuShare * referenceWallMs,
                PeakMemoryBytes: peakMemoryBytes,
                ReadBytes: inputSize,
                WriteBytes: 1000,
                LlcReferences: unknown ? null : peakMemoryBytes / 64,
                LlcMisses: unknown ? null : peakMemoryBytes / (memoryBound ? 128 : 4096));
            var features = RuntimeFeatures.Build(reference, inputSize, FunctionRuntime.Docker, new ProviderFeatures(
                provider.CpuEfficiency, provider.MemoryEfficiency, CpuQuota: 2, unknown ? null : provider.LlcBytes,
                MemoryBytes: 16L << 30, Running: random.Next(3), Queued: 0, cold));
            rows.Add(new TrainingRow(features, wallMs * noise));
        }
        return rows;
    }
}
