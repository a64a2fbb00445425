using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.HttpModel.Functions;

namespace Orleans.Faas.Tests.Functions;

public sealed class DeclaredFeatureRulesTests
{
    private static readonly FunctionDefinition Model = new(
        "classify", FunctionRuntime.Docker, "faas-samples/hello:latest", [], ImmutableDictionary<string, string>.Empty, 0, 0, TimeSpan.FromSeconds(30))
    {
        Features = [new("conv_layers", Required: true, Min: 0, Max: 1000), new("total_parameters")],
    };

    [Fact]
    public void A_definition_with_named_bounded_features_is_valid() => Assert.Empty(FunctionDefinitionValidator.Validate(Model));

    [Theory]
    [InlineData("")]
    [InlineData("Conv")]
    [InlineData("1layers")]
    [InlineData("conv-layers")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void Bad_feature_names_are_rejected(string name) =>
        Assert.Contains("features", FunctionDefinitionValidator.Validate(Model with { Features = [new(name)] }).Keys);

    [Fact]
    public void A_name_declared_twice_is_rejected() =>
        Assert.Contains("more than once", Problem(Model with { Features = [new("frames"), new("frames", Required: true)] }));

    [Fact]
    public void More_features_than_the_model_has_slots_for_are_rejected() =>
        Assert.Contains("at most 8", Problem(Model with { Features = [.. Enumerable.Range(0, 9).Select(i => new DeclaredFeature($"f{i}"))] }));

    [Theory]
    [InlineData(5, 1)]
    [InlineData(double.NaN, 1)]
    [InlineData(0, double.PositiveInfinity)]
    public void Bounds_must_be_finite_and_in_order(double min, double max) =>
        Assert.Contains("features", FunctionDefinitionValidator.Validate(Model with { Features = [new("frames", Min: min, Max: max)] }).Keys);

    [Fact]
    public void Features_count_in_whether_a_registration_changes_the_definition()
    {
        Assert.True(SameDefinition.As(Model, Model with { Features = [new("conv_layers", true, 0, 1000), new("total_parameters")] }));
        Assert.False(SameDefinition.As(Model, Model with { Features = [new("conv_layers", true, 0, 1000)] }));
    }

    [Fact]
    public void Values_of_declared_features_within_their_bounds_pass() =>
        DeclaredFeatureRules.Check(Model, Values(("conv_layers", 53), ("total_parameters", 1e19)));

    [Fact]
    public void An_unknown_name_is_refused_naming_it() =>
        Assert.Equal("layers", Assert.Throws<InvalidFeatureValuesException>(() => DeclaredFeatureRules.Check(Model, Values(("conv_layers", 1), ("layers", 3)))).Feature);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1)]
    [InlineData(1001)]
    public void A_value_that_is_not_finite_or_out_of_bounds_is_refused(double value) =>
        Assert.Equal("conv_layers", Assert.Throws<InvalidFeatureValuesException>(() => DeclaredFeatureRules.Check(Model, Values(("conv_layers", value)))).Feature);

    [Fact]
    public void A_required_feature_left_out_is_refused_naming_it()
    {
        Assert.Equal("conv_layers", Assert.Throws<InvalidFeatureValuesException>(() => DeclaredFeatureRules.Check(Model, null)).Feature);
        Assert.Equal("conv_layers", Assert.Throws<InvalidFeatureValuesException>(() => DeclaredFeatureRules.Check(Model, Values(("total_parameters", 5)))).Feature);
    }

    [Fact]
    public void A_function_that_declares_nothing_takes_no_values()
    {
        var plain = Model with { Features = [] };
        DeclaredFeatureRules.Check(plain, null);
        Assert.Contains("declares no features", Assert.Throws<InvalidFeatureValuesException>(() => DeclaredFeatureRules.Check(plain, Values(("frames", 1)))).Message);
    }

    private static string Problem(FunctionDefinition definition) => string.Join(" ", FunctionDefinitionValidator.Validate(definition)["features"]);

    private static ImmutableDictionary<string, double> Values(params (string Name, double Value)[] values) =>
        values.ToImmutableDictionary(v => v.Name, v => v.Value);
}
