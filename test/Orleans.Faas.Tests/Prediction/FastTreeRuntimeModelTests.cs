using Microsoft.ML;
using Microsoft.ML.Data;
using Orleans.Faas.Models;
using Orleans.Faas.Prediction.Features;
using Orleans.Faas.Prediction.Linear;
using Orleans.Faas.Prediction.Store;
using Orleans.Faas.Prediction.Training;
using Orleans.Faas.Prediction.Trees;

namespace Orleans.Faas.Tests.Prediction;

public sealed class FastTreeRuntimeModelTests
{
    [Fact]
    public void Rows_with_missing_cache_figures_are_trained_on_and_predicted()
    {
        var rows = SyntheticRuns.Generate(200, seed: 1, unknownCache: 0.5);
        var unknown = rows.First(r => float.IsNaN(r.Features.LlcBytes));
        Assert.True(float.IsNaN(unknown.Features.ReferenceLlcMisses));

        var model = FastTreeRuntimeModel.Train(rows, TrainingSettings.Default);
        var predicted = model.PredictMs(unknown.Features);

        Assert.True(double.IsFinite(predicted));
        Assert.InRange(predicted / unknown.WallMs, 0.5, 2);
    }

    [Fact]
    public void A_figure_missing_from_every_row_still_trains_and_any_figures_at_all_predict()
    {
        var rows = SyntheticRuns.Generate(100, seed: 2, unknownCache: 1);

        var model = FastTreeRuntimeModel.Train(rows, TrainingSettings.Default);

        Assert.True(double.IsFinite(model.PredictMs(rows[0].Features)));
        Assert.True(double.IsFinite(model.PredictMs(rows[0].Features with { LlcBytes = 8 << 20 })));
        Assert.True(double.IsFinite(model.PredictMs(new RuntimeFeatures())));
    }

    [Fact]
    public void A_saved_model_loads_back_under_its_version_and_predicts_the_same()
    {
        var rows = SyntheticRuns.Generate(100, seed: 3, unknownCache: 0.3);
        var model = FastTreeRuntimeModel.Train(rows, TrainingSettings.Default);

        var loaded = FastTreeRuntimeModel.Load(model.Save(), TreeTarget.ResidualOverLinear, version: 7);

        Assert.Equal(7, loaded.Version);
        Assert.Equal("fasttree-residual", loaded.Kind);
        Assert.All(rows, r => Assert.Equal(model.PredictMs(r.Features), loaded.PredictMs(r.Features)));
    }

    [Fact]
    public void A_stored_model_of_the_log_wall_time_still_loads_by_its_kind_and_predicts_as_it_did()
    {
        var rows = SyntheticRuns.Generate(100, seed: 6, unknownCache: 0.3);
        var model = FastTreeRuntimeModel.Train(rows, TrainingSettings.Default with { Target = TreeTarget.LogWall });
        var metrics = new ModelMetrics(1, 0.1, 0.9, rows.Count, 5);
        var stored = new StoredModel(new ModelVersionInfo(3, "fasttree", DateTimeOffset.UnixEpoch, rows.Count, metrics, metrics, null, true), model.Save());

        var loaded = stored.ToRuntimeModel();

        Assert.Equal("fasttree", loaded.Kind);
        Assert.All(rows, r => Assert.Equal(model.PredictMs(r.Features), loaded.PredictMs(r.Features)));
        // Read as a residual, the same trees would add the linear model's log to every prediction.
        var misread = new StoredModel(stored.Info with { Kind = FastTreeRuntimeModel.ResidualKind }, stored.Bytes).ToRuntimeModel();
        Assert.NotEqual(loaded.PredictMs(rows[0].Features), misread.PredictMs(rows[0].Features));
    }

    [Fact]
    public void The_residual_over_the_linear_model_follows_it_beyond_the_reference_times_trained_on_where_trees_alone_stay_flat()
    {
        var rows = SyntheticRuns.Generate(300, seed: 8);
        var longest = rows.MaxBy(r => r.Features.ReferenceWallMs)!;
        var tenTimesLonger = longest.Features with
        {
            ReferenceWallMs = 10 * longest.Features.ReferenceWallMs,
            ReferenceCpuMs = 10 * longest.Features.ReferenceCpuMs,
        };
        var linear = LinearEfficiencyModel.Instance.PredictMs(tenTimesLonger);

        var residual = FastTreeRuntimeModel.Train(rows, TrainingSettings.Default).PredictMs(tenTimesLonger);
        var logWall = FastTreeRuntimeModel.Train(rows, TrainingSettings.Default with { Target = TreeTarget.LogWall }).PredictMs(tenTimesLonger);

        Assert.InRange(residual / linear, 0.5, 4);
        Assert.InRange(logWall / linear, 0, 0.5);
    }

    [Fact]
    public void The_same_rows_and_seed_give_the_same_model()
    {
        var rows = SyntheticRuns.Generate(100, seed: 4);

        var first = FastTreeRuntimeModel.Train(rows, TrainingSettings.Default);
        var second = FastTreeRuntimeModel.Train(rows, TrainingSettings.Default);

        Assert.All(rows, r => Assert.Equal(first.PredictMs(r.Features), second.PredictMs(r.Features)));
    }

    [Fact]
    public void Threads_predicting_at_once_get_what_one_thread_gets()
    {
        var rows = SyntheticRuns.Generate(100, seed: 5, unknownCache: 0.2);
        var model = FastTreeRuntimeModel.Train(rows, TrainingSettings.Default);
        var expected = rows.Select(r => model.PredictMs(r.Features)).ToArray();

        var parallel = new double[rows.Count];
        Parallel.For(0, rows.Count * 20, i => parallel[i % rows.Count] = model.PredictMs(rows[i % rows.Count].Features));

        Assert.Equal(expected, parallel);
    }

    [Fact]
    public void A_model_of_another_feature_layout_is_refused()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable([new NarrowRow { Raw = [1, 2, 3] }]);
        using var stream = new MemoryStream();
        ml.Model.Save(ml.Transforms.Concatenate("Features", nameof(NarrowRow.Raw)).Fit(data), data.Schema, stream);

        Assert.Throws<InvalidDataException>(() => FastTreeRuntimeModel.Load(stream.ToArray(), TreeTarget.LogWall, version: 1));
    }

    private sealed class NarrowRow
    {
        [VectorType(3)]
        public float[] Raw { get; set; } = [];
    }
}
