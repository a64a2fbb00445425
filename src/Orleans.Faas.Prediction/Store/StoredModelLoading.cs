using Orleans.Faas.Models;
using Orleans.Faas.Prediction.Trees;

namespace Orleans.Faas.Prediction.Store;

public static class StoredModelLoading
{
    /// <summary>The stored model, ready to predict under its stored version.</summary>
    /// <exception cref="NotSupportedException">This build cannot load models of the stored kind.</exception>
    public static IRuntimeModel ToRuntimeModel(this StoredModel stored) => stored.Info.Kind switch
    {
        FastTreeRuntimeModel.FastTreeKind => FastTreeRuntimeModel.Load(stored.Bytes, TreeTarget.LogWall, stored.Info.Version),
        FastTreeRuntimeModel.ResidualKind => FastTreeRuntimeModel.Load(stored.Bytes, TreeTarget.ResidualOverLinear, stored.Info.Version),
        var kind => throw new NotSupportedException($"Model {stored.Info.Version} is a '{kind}' model, which this build cannot load."),
    };
}
