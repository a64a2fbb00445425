using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Orleans.Faas.Prediction.Features;
using Orleans.Faas.Prediction.Training;

namespace Orleans.Faas.Prediction.Trees;

/// <summary>
/// A boosted regression tree ensemble (ML.NET FastTree) trained on the log of measured wall times, or on their log
/// ratio to the linear model's prediction (<see cref="TreeTarget"/>), so that its errors are relative: being 10 ms off
/// a 20 ms run weighs as much as being 5 s off a 10 s run. It predicts for any features, missing figures included.
/// </summary>
public sealed class FastTreeRuntimeModel : IRuntimeModel
{
    public const string FastTreeKind = "fasttree";

    public const string ResidualKind = "fasttree-residual";

    /// <summary>The version of a model trained here and not stored yet.</summary>
    public const int NotStored = -1;

    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly DataViewSchema _inputSchema;
    private readonly TreeTarget _target;

    // A prediction engine is not thread-safe; one per thread needs neither a lock nor a pool.
    private readonly ThreadLocal<TreePredictor> _predictors;

    private FastTreeRuntimeModel(MLContext ml, ITransformer transformer, DataViewSchema inputSchema, TreeTarget target, int version)
    {
        _ml = ml;
        _transformer = transformer;
        _inputSchema = inputSchema;
        _target = target;
        Version = version;
        _predictors = new(() => new TreePredictor(_ml.Model.CreatePredictionEngine<TreeRow, TreeScore>(_transformer)));
    }

    public int Version { get; }

    public string Kind => KindOf(_target);

    public double PredictMs(RuntimeFeatures features) => Math.Exp(_target.LogBase(features) + _predictors.Value!.PredictLog(features));

    /// <summary>The kind a model fitted to <paramref name="target"/> is stored as.</summary>
    public static string KindOf(TreeTarget target) => target == TreeTarget.LogWall ? FastTreeKind : ResidualKind;

    /// <summary>Fits a model to rows with positive wall times, on the settings' <see cref="TrainingSettings.Target"/>.</summary>
    public static FastTreeRuntimeModel Train(IEnumerable<TrainingRow> rows, TrainingSettings settings)
    {
        var ml = new MLContext(settings.Seed);
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => TreeRow.ForTraining(r, settings.Target)));
        return new FastTreeRuntimeModel(ml, FastTreePipeline.Fit(ml, data, settings), data.Schema, settings.Target, NotStored);
    }

    /// <summary>The model as an ML.NET model zip, which <see cref="Load"/> reads back.</summary>
    public byte[] Save()
    {
        using var stream = new MemoryStream();
        _ml.Model.Save(_transformer, _inputSchema, stream);
        return stream.ToArray();
    }

    /// <param name="target">What the saved trees were fitted to, which the stored kind says (<see cref="KindOf"/>).</param>
    /// <exception cref="InvalidDataException">The bytes hold a model of another feature layout.</exception>
    public static FastTreeRuntimeModel Load(byte[] bytes, TreeTarget target, int version)
    {
        var ml = new MLContext();
        // Loading finds FastTree's loaders by assembly, which nothing may have loaded yet in a process that only predicts.
        ml.ComponentCatalog.RegisterAssembly(typeof(FastTreeRegressionModelParameters).Assembly);
        using var stream = new MemoryStream(bytes, writable: false);
        var transformer = ml.Model.Load(stream, out var inputSchema);
        var width = (inputSchema.GetColumnOrNull(FastTreePipeline.RawColumn)?.Type as VectorDataViewType)?.Size;
        if (width != TreeRow.Width)
            throw new InvalidDataException($"Model {version} expects {width?.ToString() ?? "no"} features; this build gives {TreeRow.Width}.");
        return new FastTreeRuntimeModel(ml, transformer, inputSchema, target, version);
    }
}
