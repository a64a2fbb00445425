using Orleans.Faas.Prediction.Linear;
using Orleans.Faas.Prediction.Training;
using Orleans.Faas.Prediction.Trees;

namespace Orleans.Faas.Tests.Prediction;

public sealed class ModelTrainingTests
{
    [Fact]
    public void A_first_model_that_beats_the_linear_model_is_better_and_the_same_training_again_is_not()
    {
        var rows = SyntheticRuns.Generate(150, seed: 21);

        var first = ModelTraining.Train(rows, incumbent: null, TrainingSettings.Default);
        var incumbent = FastTreeRuntimeModel.Load(first.Bytes, TreeTarget.ResidualOverLinear, version: 1);
        var second = ModelTraining.Train(rows, incumbent, TrainingSettings.Default);

        Assert.True(first.Trained);
        Assert.True(first.Better);
        Assert.Null(first.Incumbent);
        // The incumbent was trained on every row it is now tested on, so the fresh candidate cannot beat it.
        Assert.Equal(first.Metrics, second.Metrics);
        Assert.NotNull(second.Incumbent);
        Assert.True(second.Incumbent.Mape < second.Metrics.Mape);
        Assert.False(second.Better);
    }

    [Fact]
    public void A_model_no_better_than_the_linear_model_is_not_better()
    {
        // Wall times that are exactly the linear model's prediction: it cannot be beaten.
        var rows = SyntheticRuns.Generate(60, seed: 22)
            .Select(r => r with { WallMs = LinearEfficiencyModel.Instance.PredictMs(r.Features) })
            .ToList();

        var outcome = ModelTraining.Train(rows, incumbent: null, TrainingSettings.Default);

        Assert.True(outcome.Trained);
        Assert.Equal(0, outcome.Linear.Mape, 9);
        Assert.False(outcome.Better);
    }

    [Fact]
    public void Too_few_rows_with_a_wall_time_train_nothing_and_say_so()
    {
        var rows = SyntheticRuns.Generate(25, seed: 23);
        List<TrainingRow> nineteenTimed = [.. rows.Take(6).Select(r => r with { WallMs = 0 }), .. rows.Skip(6)];

        var outcome = ModelTraining.Train(nineteenTimed, incumbent: null, TrainingSettings.Default);

        Assert.False(outcome.Trained);
        Assert.False(outcome.Better);
        Assert.Empty(outcome.Bytes);
        Assert.Equal(19, outcome.Metrics.Rows);
        Assert.Contains("at least 20", outcome.NotTrained);
    }

    [Fact]
    public void Only_the_newest_rows_of_the_window_are_trained_on()
    {
        var rows = SyntheticRuns.Generate(80, seed: 24);

        var settings = TrainingSettings.Default with { Window = 30 };

        var outcome = ModelTraining.Train(rows, incumbent: null, settings);

        Assert.Equal(30, outcome.Metrics.Rows);
        Assert.Equal(3, outcome.Metrics.Folds);
        Assert.Equal(ModelTraining.Train(rows[..30], incumbent: null, settings).Metrics, outcome.Metrics);
    }
}
