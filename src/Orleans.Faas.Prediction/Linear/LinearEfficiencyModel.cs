using Orleans.Faas.Prediction.Features;

namespace Orleans.Faas.Prediction.Linear;

/// <summary>
/// The reference wall time scaled by the provider's efficiency scores: the CPU share of the run by the CPU score, the
/// rest by the memory score. It needs no training, so it is the fallback and the baseline every trained model must beat.
/// </summary>
public sealed class LinearEfficiencyModel : IRuntimeModel
{
    public const string LinearKind = "linear";

    public static LinearEfficiencyModel Instance { get; } = new();

    private LinearEfficiencyModel()
    {
    }

    public int Version => 0;

    public string Kind => LinearKind;

    /// <summary>
    /// reference wall × (cpuShare / cpuEfficiency + (1 − cpuShare) / memoryEfficiency); a missing or non-positive
    /// efficiency counts as 1. <see cref="double.NaN"/> when the function has no reference wall time.
    /// </summary>
    public double PredictMs(RuntimeFeatures features) =>
        PredictMs(features.ReferenceWallMs, features.ReferenceCpuMs, features.CpuEfficiency, features.MemoryEfficiency);

    /// <summary>
    /// The same prediction from the four figures it uses, without a feature record, for ranking many providers in one
    /// decision without allocating; <see cref="double.NaN"/> stands for a missing figure.
    /// </summary>
    public static double PredictMs(double referenceWallMs, double referenceCpuMs, double cpuEfficiency, double memoryEfficiency)
    {
        if (!(referenceWallMs >= 0))
            return double.NaN;
        var cpuShare = CpuShare(referenceWallMs, referenceCpuMs);
        return referenceWallMs * (cpuShare / Efficiency(cpuEfficiency) + (1 - cpuShare) / Efficiency(memoryEfficiency));
    }

    /// <summary>The part of the reference wall time spent on the CPU, clamped to [0, 1]; 1 when the CPU time is not known.</summary>
    public static double CpuShare(RuntimeFeatures features) => CpuShare(features.ReferenceWallMs, features.ReferenceCpuMs);

    private static double CpuShare(double referenceWallMs, double referenceCpuMs)
    {
        var share = referenceCpuMs / referenceWallMs;
        return double.IsFinite(share) ? Math.Clamp(share, 0, 1) : 1;
    }

    private static double Efficiency(double score) => score > 0 ? score : 1;
}
