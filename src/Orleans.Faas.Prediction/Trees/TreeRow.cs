using Microsoft.ML.Data;
using Orleans.Faas.Prediction.Features;
using Orleans.Faas.Prediction.Linear;
using Orleans.Faas.Prediction.Training;

namespace Orleans.Faas.Prediction.Trees;

/// <summary>
/// One row as the trees see it: the runtime features in a fixed order, then ratios derived from them, which trees
/// cannot form themselves since each split looks at one figure, then the declared features' slots. No figure is logged: a split is the same on any
/// monotonic transform of its figure. Saved models depend on this layout: change it only with a new
/// <see cref="Width"/>, by which <see cref="FastTreeRuntimeModel.Load"/> refuses models of the old one.
/// </summary>
internal sealed class TreeRow
{
    private const int Fixed = 22;

    public const int Width = Fixed + DeclaredSlots.Count;

    /// <summary>The figures; <see cref="float.NaN"/> where missing, and where a ratio has no finite value.</summary>
    [VectorType(Width)]
    public float[] Raw { get; set; } = new float[Width];

    /// <summary>The natural log of the wall time in milliseconds, less the target's base; unused when predicting.</summary>
    public float Label { get; set; }

    public static TreeRow ForTraining(TrainingRow row, TreeTarget target)
    {
        var tree = new TreeRow { Label = (float)(Math.Log(row.WallMs) - target.LogBase(row.Features)) };
        tree.Fill(row.Features);
        return tree;
    }

    public void Fill(RuntimeFeatures f)
    {
        var coresUsed = f.ReferenceCpuMs / f.ReferenceWallMs;
        ReadOnlySpan<float> figures =
        [
            f.ReferenceWallMs, f.ReferenceCpuMs, f.ReferencePeakMemoryBytes, f.ReferenceReadBytes, f.ReferenceWriteBytes,
            f.ReferenceLlcReferences, f.ReferenceLlcMisses, f.InputSize, f.Runtime,
            f.CpuEfficiency, f.MemoryEfficiency, f.CpuQuota, f.LlcBytes, f.MemoryBytes, f.Running, f.Queued, f.Cold,
            // What the linear model would say: the reference time, the scores and the CPU share in one figure, as no split can.
            (float)LinearEfficiencyModel.Instance.PredictMs(f),
            // Cores the function kept busy on the reference provider, and that against the quota it gets here.
            coresUsed,
            coresUsed / f.CpuQuota,
            // Whether its working set fits this provider's cache, and how cache-bound it was on the reference provider.
            f.ReferencePeakMemoryBytes / f.LlcBytes,
            f.ReferenceLlcMisses / f.ReferenceLlcReferences,
        ];
        for (var i = 0; i < Fixed; i++)
            Raw[i] = float.IsFinite(figures[i]) ? figures[i] : float.NaN;
        // The declared features last, in their slots: a model of the old width is refused, not misread.
        for (var i = 0; i < DeclaredSlots.Count; i++)
            Raw[Fixed + i] = float.IsFinite(f.Declared[i]) ? f.Declared[i] : float.NaN;
    }
}
