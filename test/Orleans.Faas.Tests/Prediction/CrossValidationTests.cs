using Orleans.Faas.Prediction.Evaluation;
using Orleans.Faas.Prediction.Trees;
using Orleans.Faas.Prediction.Training;
using Xunit.Abstractions;

namespace Orleans.Faas.Tests.Prediction;

public sealed class CrossValidationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(19, 0)]
    [InlineData(20, 2)]
    [InlineData(39, 3)]
    [InlineData(50, 5)]
    [InlineData(5000, 5)]
    public void Folds_hold_ten_rows_or_more_and_are_at_most_five(int rows, int folds)
    {
        Assert.Equal(folds, CrossValidation.FoldsFor(rows));
    }

    [Fact]
    public void Too_few_rows_are_refused_with_the_minimum()
    {
        var error = Assert.Throws<ArgumentException>(() => CrossValidation.Run(SyntheticRuns.Generate(19, seed: 1), null, TrainingSettings.Default));

        Assert.Contains("at least 20", error.Message);
    }

    [Fact]
    public void Trees_learn_the_cache_cliff_and_cold_starts_the_linear_model_cannot_see()
    {
        var rows = SyntheticRuns.Generate(300, seed: 11, unknownCache: 0.1);

        var result = CrossValidation.Run(rows, incumbent: null, TrainingSettings.Default);

        output.WriteLine($"FastTree {result.Candidate}");
        output.WriteLine($"Linear {result.Linear}");
        Assert.Null(result.Incumbent);
        Assert.Equal((300, 5), (result.Candidate.Rows, result.Candidate.Folds));
        Assert.Equal((300, 5), (result.Linear.Rows, result.Linear.Folds));
        Assert.True(result.Candidate.Mape < result.Linear.Mape / 2, $"FastTree MAPE {result.Candidate.Mape:P1}, linear {result.Linear.Mape:P1}");
        Assert.True(result.Candidate.R2 > result.Linear.R2);
        Assert.InRange(result.Candidate.R2, 0.9, 1);
    }

    [Fact]
    public void The_incumbent_is_scored_on_the_same_held_out_rows_and_the_same_rows_give_the_same_metrics()
    {
        var rows = SyntheticRuns.Generate(60, seed: 12);
        var incumbent = FastTreeRuntimeModel.Train(SyntheticRuns.Generate(100, seed: 13), TrainingSettings.Default);

        var first = CrossValidation.Run(rows, incumbent, TrainingSettings.Default);
        var second = CrossValidation.Run(rows, incumbent, TrainingSettings.Default);

        Assert.Equal(first, second);
        Assert.NotNull(first.Incumbent);
        Assert.Equal((60, 5), (first.Incumbent.Rows, first.Incumbent.Folds));
    }
}
