using Orleans.Faas.Chains;
using Orleans.Faas.HttpModel.Chains;

namespace Orleans.Faas.Tests.Chains;

public sealed class ChainDefinitionValidatorTests
{
    [Fact]
    public void A_named_chain_of_validly_named_functions_is_valid() =>
        Assert.Empty(ChainDefinitionValidator.Validate(new ChainDefinition("etl", [new ChainStep("fetch"), new ChainStep("parse", FanOut.Lines)])));

    [Fact]
    public void Each_problem_is_named_by_its_field()
    {
        var errors = ChainDefinitionValidator.Validate(new ChainDefinition("Bad Name", [new ChainStep("ok"), new ChainStep("Not OK"), new ChainStep("x", (FanOut)7)]));

        Assert.Equal(["name", "steps[1].function", "steps[2].fanOut"], errors.Keys.Order());
    }

    [Fact]
    public void A_chain_needs_a_step() =>
        Assert.Contains("steps", ChainDefinitionValidator.Validate(new ChainDefinition("empty", [])).Keys);
}
