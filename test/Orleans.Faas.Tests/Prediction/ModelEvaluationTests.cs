using Orleans.Faas.Prediction;
using Orleans.Faas.Prediction.Evaluation;
using Orleans.Faas.Prediction.Features;
using Orleans.Faas.Prediction.Training;

namespace Orleans.Faas.Tests.Prediction;

public sealed class ModelEvaluationTests
{
    private sealed class FixedModel(params double[] predictions) : IRuntimeModel
    {
        public int Version => 9;

        public string Kind => "fixed";

        public double PredictMs(RuntimeFeatures features) => predictions[(int)features.InputSize];
    }

    private static TrainingRow Row(int index, double wallMs) => new(new RuntimeFeatures { InputSize = index }, wallMs);

    [Fact]
    public void Errors_are_in_milliseconds_and_fractions_of_the_measured_time_and_r2_is_of_the_log()
    {
        var rows = new[] { Row(0, 100), Row(1, 1000) };

        var metrics = ModelEvaluation.Evaluate(new FixedModel(110, 500), rows);

        Assert.Equal((10 + 500) / 2.0, metrics.MaeMs, 6);
        Assert.Equal((0.1 + 0.5) / 2, metrics.Mape, 6);
        var spread = 2 * Math.Pow(Math.Log(1000) - Math.Log(Math.Sqrt(100 * 1000)), 2);
        var residual = Math.Pow(Math.Log(100.0 / 110), 2) + Math.Pow(Math.Log(1000.0 / 500), 2);
        Assert.Equal(1 - residual / spread, metrics.R2, 6);
        Assert.Equal(2, metrics.Rows);
        Assert.Equal(1, metrics.Folds);
    }

    [Fact]
    public void A_row_the_model_cannot_predict_counts_as_a_guess_of_the_typical_time()
    {
        var rows = new[] { Row(0, 100), Row(1, 10_000) };

        var metrics = ModelEvaluation.Evaluate(new FixedModel(double.NaN, 10_000), rows);

        Assert.Equal((1000 - 100) / 100.0 / 2, metrics.Mape, 6);
        Assert.Equal(900 / 2.0, metrics.MaeMs, 6);
    }

    [Fact]
    public void A_perfect_model_has_no_error()
    {
        var rows = new[] { Row(0, 100), Row(1, 300), Row(2, 50) };

        var metrics = ModelEvaluation.Evaluate(new FixedModel(100, 300, 50), rows);

        Assert.Equal(new(0, 0, 1, 3, 1), metrics);
    }
}
