using System.Collections.Immutable;
using Orleans.Faas.Benchmarks.Decisions;
using Orleans.Faas.Functions;
using Orleans.Faas.Prediction.Features;
using Orleans.Faas.Prediction.Training;
using Orleans.Faas.Profiles;

namespace Orleans.Faas.Benchmarks.Features;

/// <summary>
/// Finished runs of three functions sharing one model, built with the platform's own feature code: <c>classify</c>,
/// whose run time follows its declared <c>conv_layers</c> (its <c>total_parameters</c> roughly follows them too) while
/// its input is an image of any size; <c>render</c>, whose run time follows its declared <c>frames</c>; and
/// <c>compress</c>, which declares nothing and follows its input size, as the profile knows. The providers run at full,
/// half and quarter speed, with some noise on every run.
/// </summary>
public static class FeatureWorkload
{
    private sealed record Function(string Name, ImmutableArray<string> Declared, double TypicalMs);

    private static readonly Function Classify = new("classify", ["total_parameters", "conv_layers"], 4 * 51);
    private static readonly Function Render = new("render", ["frames"], 10 * 25);
    private static readonly Function Compress = new("compress", [], 100);
    private static readonly Function[] Functions = [Classify, Render, Compress];
    private static readonly double[] CpuEfficiencies = [1, 0.5, 0.25];

    /// <param name="withFeatures">False leaves every declared slot missing: the same runs as a model without declared features sees them.</param>
    public static IReadOnlyList<TrainingRow> Rows(int count, int seed, bool withFeatures)
    {
        var random = new Random(seed);
        var rows = new List<TrainingRow>(count);
        for (var i = 0; i < count; i++)
        {
            var function = Functions[i % Functions.Length];
            var efficiency = CpuEfficiencies[random.Next(CpuEfficiencies.Length)];
            var inputSize = (long)(10_000 + random.NextDouble() * 990_000);
            var (values, referenceMs) = function.Name switch
            {
                "classify" => ClassifyRun(random),
                "render" => RenderRun(random),
                _ => (ImmutableDictionary<string, double>.Empty, Compress.TypicalMs * inputSize / 500_000),
            };
            // The profile at the input size knows the function's typical run, not what this invocation's features make of it.
            var profileMs = function == Compress ? referenceMs : function.TypicalMs;
            var profile = new RunStatistics(profileMs, profileMs * 0.5, profileMs * 1.5, 1, Samples: 5, CpuMs: profileMs, null, null, null, null, null);
            var features = RuntimeFeatures.Build(profile, inputSize, FunctionRuntime.Process,
                new ProviderFeatures(efficiency, efficiency, CpuQuota: null, LlcBytes: 32 << 20, MemoryBytes: 16L << 30, Running: 0, Queued: 0, Cold: false),
                withFeatures ? DeclaredSlots.Of(function.Declared, values) : default);
            var noise = Math.Exp(0.08 * SyntheticRuns.Gaussian(random));
            rows.Add(new TrainingRow(features, referenceMs / efficiency * noise));
        }
        return rows;

        static (ImmutableDictionary<string, double>, double) ClassifyRun(Random random)
        {
            var layers = random.Next(2, 101);
            var parameters = layers * 250_000 * (0.8 + 0.4 * random.NextDouble());
            return (ImmutableDictionary<string, double>.Empty.Add("conv_layers", layers).Add("total_parameters", parameters), 4.0 * layers);
        }

        static (ImmutableDictionary<string, double>, double) RenderRun(Random random)
        {
            var frames = random.Next(1, 50);
            return (ImmutableDictionary<string, double>.Empty.Add("frames", frames), 10.0 * frames);
        }
    }
}
