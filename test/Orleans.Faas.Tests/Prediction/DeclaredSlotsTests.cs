using System.Collections.Immutable;
using System.Text.Json;
using Orleans.Faas.Functions;
using Orleans.Faas.Prediction.Features;
using Orleans.Faas.Prediction.OutOfProcess;
using Orleans.Faas.Prediction.Training;
using Orleans.Faas.Prediction.Trees;
using Orleans.Faas.Profiles;

namespace Orleans.Faas.Tests.Prediction;

public sealed class DeclaredSlotsTests
{
    private static readonly ProviderFeatures Provider = new(1, 1, null, 8 << 20, 16L << 30, Running: 0, Queued: 0, Cold: false);

    [Fact]
    public void Declared_features_fill_their_slots_in_name_order_whatever_order_they_are_declared_or_given_in()
    {
        var values = ImmutableDictionary<string, double>.Empty.Add("total_parameters", 2.5e7).Add("conv_layers", 53);

        var slots = DeclaredSlots.Of(["total_parameters", "pool_layers", "conv_layers"], values);

        Assert.Equal(DeclaredSlots.Count, slots.Length);
        Assert.Equal(53f, slots[0]);
        Assert.True(float.IsNaN(slots[1]), "a declared feature the invocation left out is missing, not zero");
        Assert.Equal(2.5e7f, slots[2]);
        Assert.All(slots[3..], slot => Assert.True(float.IsNaN(slot)));
        Assert.Equal(slots, DeclaredSlots.Of(["conv_layers", "pool_layers", "total_parameters"], values.Remove("conv_layers").Add("conv_layers", 53)), SameFigure);
    }

    [Fact]
    public void Without_values_every_slot_is_missing() =>
        Assert.All(DeclaredSlots.Of(["frames"], null), slot => Assert.True(float.IsNaN(slot)));

    [Fact]
    public void The_slots_are_the_last_columns_of_a_tree_row()
    {
        var features = RuntimeFeatures.Build(null, 10, FunctionRuntime.Docker, Provider, DeclaredSlots.Of(["frames"], ImmutableDictionary<string, double>.Empty.Add("frames", 7)));
        var row = new TreeRow();

        row.Fill(features);

        var first = TreeRow.Width - DeclaredSlots.Count;
        Assert.Equal(7f, row.Raw[first]);
        Assert.All(row.Raw[(first + 1)..], slot => Assert.True(float.IsNaN(slot)));
        Assert.All(RuntimeFeatures.Build(null, 10, FunctionRuntime.Docker, Provider).Declared, slot => Assert.True(float.IsNaN(slot)));
    }

    [Fact]
    public void A_model_trained_on_runs_that_follow_a_declared_feature_predicts_from_it()
    {
        var random = new Random(4);
        var reference = new RunStatistics(200, 100, 300, 1, 5, 200, null, null, null, null, null);
        var rows = Enumerable.Range(0, 300).Select(_ =>
        {
            var layers = random.Next(2, 101);
            var features = RuntimeFeatures.Build(reference, random.Next(1_000, 1_000_000), FunctionRuntime.Docker, Provider,
                DeclaredSlots.Of(["conv_layers"], ImmutableDictionary<string, double>.Empty.Add("conv_layers", layers)));
            return new TrainingRow(features, 4.0 * layers);
        }).ToList();

        var model = FastTreeRuntimeModel.Train(rows, TrainingSettings.Default);
        double Predict(int layers) => model.PredictMs(RuntimeFeatures.Build(reference, 500_000, FunctionRuntime.Docker, Provider,
            DeclaredSlots.Of(["conv_layers"], ImmutableDictionary<string, double>.Empty.Add("conv_layers", layers))));

        Assert.InRange(Predict(10), 30, 55);
        Assert.InRange(Predict(90), 320, 400);
    }

    [Fact]
    public void Declared_features_cross_the_pipe_to_the_trainer_child_with_their_missing_slots()
    {
        var features = RuntimeFeatures.Build(null, 1, FunctionRuntime.Docker, Provider, DeclaredSlots.Of(["a"], ImmutableDictionary<string, double>.Empty.Add("a", 3)));

        var back = JsonSerializer.Deserialize<RuntimeFeatures>(JsonSerializer.Serialize(features, TrainingJson.Options), TrainingJson.Options)!;

        Assert.Equal(features.Declared, back.Declared, SameFigure);
    }

    // NaN is a missing figure, the same as another NaN.
    private static bool SameFigure(float a, float b) => a.Equals(b);
}
