using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.HttpModel.Functions;

namespace Orleans.Faas.Tests.Functions;

public sealed class FunctionDefinitionValidatorTests
{
    private static readonly FunctionDefinition Valid = new(
        "hello", FunctionRuntime.Docker, "faas-samples/hello:latest", [], ImmutableDictionary<string, string>.Empty, 0.5, 64, TimeSpan.FromSeconds(30));

    [Fact]
    public void A_complete_docker_definition_is_valid() => Assert.Empty(FunctionDefinitionValidator.Validate(Valid));

    [Theory]
    [InlineData("")]
    [InlineData("Hello")]
    [InlineData("-hello")]
    [InlineData("hello-")]
    [InlineData("hello world")]
    [InlineData("héllo")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void Bad_names_are_rejected(string name) =>
        Assert.Contains("name", FunctionDefinitionValidator.Validate(Valid with { Name = name }).Keys);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("has space")]
    public void A_docker_function_needs_an_image(string? image) =>
        Assert.Contains("image", FunctionDefinitionValidator.Validate(Valid with { Image = image }).Keys);

    [Fact]
    public void A_process_function_needs_a_command_but_no_image()
    {
        var process = Valid with { Runtime = FunctionRuntime.Process, Image = null };

        Assert.Contains("command", FunctionDefinitionValidator.Validate(process).Keys);
        Assert.Empty(FunctionDefinitionValidator.Validate(process with { Command = ["/bin/cat"] }));
    }

    [Theory]
    [InlineData(-0.5, 64, 30, "cpu")]
    [InlineData(double.NaN, 64, 30, "cpu")]
    [InlineData(2000, 64, 30, "cpu")]
    [InlineData(1, -1, 30, "memoryMiB")]
    [InlineData(1, 3, 30, "memoryMiB")]
    [InlineData(1, 64, 0, "timeoutSeconds")]
    [InlineData(1, 64, -1, "timeoutSeconds")]
    [InlineData(1, 64, 86401, "timeoutSeconds")]
    public void Limits_out_of_range_are_rejected(double cpu, int memoryMiB, double timeoutSeconds, string field) =>
        Assert.Equal([field], FunctionDefinitionValidator.Validate(
            Valid with { Cpu = cpu, MemoryMiB = memoryMiB, Timeout = TimeSpan.FromSeconds(timeoutSeconds) }).Keys);

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_service_id_is_a_positive_number(int serviceId)
    {
        Assert.Equal(["serviceId"], FunctionDefinitionValidator.Validate(Valid with { ServiceId = serviceId }).Keys);
        Assert.Empty(FunctionDefinitionValidator.Validate(Valid with { ServiceId = 5 }));
    }

    [Fact]
    public void Environment_names_must_be_shell_identifiers()
    {
        var env = ImmutableDictionary<string, string>.Empty.Add("GOOD_1", "x").Add("1BAD", "y");

        var errors = FunctionDefinitionValidator.Validate(Valid with { Env = env });

        Assert.Equal(["env"], errors.Keys);
        Assert.Contains("1BAD", errors["env"][0]);
    }

    [Fact]
    public void A_docker_function_may_carry_one_code_file_of_any_name_but_a_process_function_none()
    {
        Assert.Empty(FunctionDefinitionValidator.Validate(Valid with { Code = new CodeFile("task.sh", "echo hi"u8.ToArray()) }));
        Assert.Contains("code", FunctionDefinitionValidator.Validate(Valid with { Code = new CodeFile("../task.sh", "echo hi"u8.ToArray()) }).Keys);
        Assert.Contains("code", FunctionDefinitionValidator.Validate(Valid with { Code = new CodeFile("task.sh", []) }).Keys);
        var process = Valid with { Runtime = FunctionRuntime.Process, Image = null, Command = ["/bin/cat"], Code = new CodeFile("task.sh", "echo hi"u8.ToArray()) };
        Assert.Contains("code", FunctionDefinitionValidator.Validate(process).Keys);
    }

    [Fact]
    public void An_undefined_runtime_is_rejected() =>
        Assert.Contains("runtime", FunctionDefinitionValidator.Validate(Valid with { Runtime = (FunctionRuntime)7 }).Keys);
}
