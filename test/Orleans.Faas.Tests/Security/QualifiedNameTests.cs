using Orleans.Faas.HttpModel.Functions;
using Orleans.Faas.Namespaces;

namespace Orleans.Faas.Tests.Security;

public sealed class QualifiedNameTests
{
    [Fact]
    public void The_default_namespace_keeps_names_as_they_were_and_others_prefix_them()
    {
        Assert.Equal("hello", QualifiedName.Of("default", "hello"));
        Assert.Equal("team-a/hello", QualifiedName.Of("team-a", "hello"));
        Assert.Equal(("team-a", "hello"), QualifiedName.Split("team-a/hello"));
        Assert.Equal("default", QualifiedName.NamespaceOf("hello"));
        Assert.Equal("hello", QualifiedName.LocalName("team-a/hello"));
    }

    [Theory]
    [InlineData("hello", true)]
    [InlineData("team-a/hello", true)]
    [InlineData("default/hello", false)]
    [InlineData("a/b/c", false)]
    [InlineData("/hello", false)]
    [InlineData("team-a/", false)]
    [InlineData("Team/hello", false)]
    public void Only_a_valid_name_in_a_valid_namespace_written_one_way_is_a_qualified_name(string name, bool valid) =>
        Assert.Equal(valid, FunctionDefinitionValidator.IsValidQualifiedName(name));
}
