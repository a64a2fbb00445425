using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.HttpModel.Functions;
using Orleans.Faas.Runtime.Python;

namespace Orleans.Faas.Tests.Functions;

public sealed class PythonCodeTests
{
    private static readonly FunctionDefinition Inline = new(
        "py", FunctionRuntime.Python, null, [], ImmutableDictionary<string, string>.Empty, 0, 0, TimeSpan.FromSeconds(30),
        Source: "def handler(x):\n    return x\n");

    private static ImmutableDictionary<string, string[]> Validate(FunctionDefinition definition) => FunctionDefinitionValidator.Validate(definition);

    [Fact]
    public void Inline_source_is_the_module_main_with_handler_as_its_default_entry_point()
    {
        Assert.Empty(Validate(Inline));
        Assert.Equal("main:handler", PythonContainer.EntryPointOf(Inline));
        Assert.Equal("main:echo", PythonContainer.EntryPointOf(Inline with { EntryPoint = "echo" }));
        Assert.Equal("main:echo", PythonContainer.EntryPointOf(Inline with { EntryPoint = "main:echo" }));
    }

    [Fact]
    public void A_py_file_is_the_module_its_name_says()
    {
        var upload = Inline with { Source = null, Code = new CodeFile("wordcount.py", "x = 1"u8.ToArray()) };

        Assert.Empty(Validate(upload));
        Assert.Equal("wordcount:handler", PythonContainer.EntryPointOf(upload));
        Assert.Equal("wordcount:count", PythonContainer.EntryPointOf(upload with { EntryPoint = "count" }));
        Assert.Contains("code", Validate(upload with { Code = new CodeFile("word-count.py", "x = 1"u8.ToArray()) }).Keys);
    }

    [Theory]
    [InlineData("pkg.zip", "pkg.main:handler", true)]
    [InlineData("pkg.tar.gz", "pkg:run", true)]
    [InlineData("pkg.tgz", "pkg:run", true)]
    [InlineData("pkg.zip", null, false)]
    [InlineData("pkg.zip", "handler", false)]
    [InlineData("pkg.rar", "pkg:run", false)]
    [InlineData("../pkg.zip", "pkg:run", false)]
    public void An_archive_needs_a_module_and_function_entry_point(string fileName, string? entryPoint, bool valid)
    {
        var archive = Inline with { Source = null, Code = new CodeFile(fileName, [1, 2, 3]), EntryPoint = entryPoint };

        Assert.Equal(valid, Validate(archive).IsEmpty);
    }

    [Fact]
    public void A_pickled_callable_is_base64_and_has_no_entry_point()
    {
        var pickled = Inline with { Source = null, Pickled = Convert.ToBase64String([0x80, 0x04, 0x2e]) };

        Assert.Empty(Validate(pickled));
        Assert.True(PythonContainer.IsPickled(pickled));
        Assert.Null(PythonContainer.EntryPointOf(pickled));
        Assert.Contains("pickled", Validate(pickled with { Pickled = "%%%" }).Keys);
        Assert.Contains("pickled", Validate(pickled with { Pickled = "" }).Keys);
        Assert.Contains("entryPoint", Validate(pickled with { EntryPoint = "main:handler" }).Keys);
    }

    [Fact]
    public void Exactly_one_kind_of_code_is_given_and_no_image_or_command()
    {
        Assert.Contains("source", Validate(Inline with { Source = null }).Keys);
        Assert.Contains("source", Validate(Inline with { Pickled = "gAQu" }).Keys);
        Assert.Contains("image", Validate(Inline with { Image = "python:3" }).Keys);
        Assert.Contains("command", Validate(Inline with { Command = ["python3"] }).Keys);
    }

    [Theory]
    [InlineData("main:")]
    [InlineData(":handler")]
    [InlineData("main:handle-it")]
    [InlineData("2main:handler")]
    [InlineData("other:handler")]
    public void Bad_entry_points_of_inline_source_are_rejected(string entryPoint) =>
        Assert.Contains("entryPoint", Validate(Inline with { EntryPoint = entryPoint }).Keys);

    [Fact]
    public void Python_fields_on_other_runtimes_are_rejected()
    {
        var docker = Inline with { Runtime = FunctionRuntime.Docker, Image = "faas-samples/hello:latest" };

        Assert.Equal(["source"], Validate(docker).Keys);
        Assert.Equal(["entryPoint", "source"], Validate(docker with { EntryPoint = "handler" }).Keys.Order());
    }

    [Fact]
    public void An_unchanged_upload_is_the_same_definition()
    {
        var upload = Inline with { Source = null, Code = new CodeFile("m.py", "x = 1"u8.ToArray()) };

        Assert.True(SameDefinition.As(upload, upload with { Code = new CodeFile("m.py", "x = 1"u8.ToArray()) }));
        Assert.False(SameDefinition.As(upload, upload with { Code = new CodeFile("m.py", "x = 2"u8.ToArray()) }));
    }
}
