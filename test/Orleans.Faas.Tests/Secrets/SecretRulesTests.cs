using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.HttpModel.Functions;
using Orleans.Faas.HttpModel.Secrets;

namespace Orleans.Faas.Tests.Secrets;

public sealed class SecretRulesTests
{
    private static readonly FunctionDefinition Docker = new(
        "reader", FunctionRuntime.Docker, "faas-samples/hello:latest", [], ImmutableDictionary<string, string>.Empty, 0.5, 64, TimeSpan.FromSeconds(30));

    [Fact]
    public void A_docker_or_python_function_may_name_secrets()
    {
        Assert.Empty(FunctionDefinitionValidator.Validate(Docker with { Secrets = ["db-password", "api-token"] }));
        Assert.Empty(SecretRules.Problems(Docker with { Runtime = FunctionRuntime.Python, Image = null, Source = "x = 1", Secrets = ["db-password"] }));
    }

    [Fact]
    public void A_process_function_with_secrets_is_refused_because_it_has_no_container()
    {
        var process = Docker with { Runtime = FunctionRuntime.Process, Image = null, Command = ["/bin/cat"], Secrets = ["db-password"] };

        var errors = FunctionDefinitionValidator.Validate(process);

        Assert.Contains("container", Assert.Single(errors["secrets"]));
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    [InlineData("Upper")]
    [InlineData("")]
    [InlineData("with space")]
    public void Names_that_are_not_function_style_names_are_refused_in_a_definition_and_on_their_own(string name)
    {
        Assert.False(SecretRules.IsValidName(name));
        Assert.Contains("secrets", FunctionDefinitionValidator.Validate(Docker with { Secrets = [name] }).Keys);
    }

    [Fact]
    public void A_secret_named_twice_or_too_many_secrets_are_refused()
    {
        Assert.Contains("more than once", Assert.Single(SecretRules.Problems(Docker with { Secrets = ["a", "a"] })));
        var many = Enumerable.Range(0, SecretRules.MaxPerFunction + 1).Select(i => $"s{i}").ToImmutableArray();
        Assert.Contains($"at most {SecretRules.MaxPerFunction}", Assert.Single(SecretRules.Problems(Docker with { Secrets = many })));
    }

    [Fact]
    public void A_definition_without_secrets_reads_as_an_empty_list_never_a_default_array()
    {
        Assert.True(Docker.Secrets.IsEmpty);
        Assert.True((Docker with { Secrets = default }).Secrets.IsEmpty);
        Assert.Equal("[]", System.Text.Json.JsonSerializer.SerializeToNode(Docker)!["Secrets"]!.ToJsonString());
    }

    [Fact]
    public void Two_definitions_differing_only_in_their_secrets_are_different_versions()
    {
        Assert.True(SameDefinition.As(Docker with { Secrets = ["a"] }, Docker with { Secrets = ["a"] }));
        Assert.False(SameDefinition.As(Docker with { Secrets = ["a"] }, Docker with { Secrets = ["b"] }));
        Assert.False(SameDefinition.As(Docker, Docker with { Secrets = ["a"] }));
    }
}
