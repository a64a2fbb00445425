using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.Runtime.Docker;
using Orleans.Faas.Runtime.Runners;

namespace Orleans.Faas.Tests.Runtime;

public sealed class ContainerBlueprintTests
{
    private static readonly FunctionDefinition Hello = new(
        "hello", FunctionRuntime.Docker, "faas-samples/hello:latest", [], ImmutableDictionary<string, string>.Empty.Add("A", "1"),
        0.5, 64, TimeSpan.FromSeconds(30));

    [Fact]
    public void Limits_become_nano_cpus_and_memory_without_extra_swap()
    {
        var host = ContainerBlueprint.For(Hello).HostConfig;

        Assert.Equal(500_000_000, host.NanoCPUs);
        Assert.Equal(64L * 1024 * 1024, host.Memory);
        Assert.Equal(host.Memory, host.MemorySwap);
    }

    [Fact]
    public void Zero_limits_leave_the_container_unlimited()
    {
        var host = ContainerBlueprint.For(Hello with { Cpu = 0, MemoryMiB = 0 }).HostConfig;

        Assert.Equal(0, host.NanoCPUs);
        Assert.Equal(0, host.Memory);
        Assert.Equal(0, host.MemorySwap);
    }

    [Fact]
    public void An_empty_command_keeps_the_image_default()
    {
        var spec = ContainerBlueprint.For(Hello);

        Assert.Null(spec.Cmd);
        Assert.Equal("faas-samples/hello:latest", spec.Image);
        Assert.Equal(["A=1"], spec.Env);
        Assert.Equal("hello", spec.Labels[DockerRunner.FunctionLabel]);
    }

    [Fact]
    public void A_command_replaces_the_image_default()
    {
        Assert.Equal(["sh", "-c", "echo hi"], ContainerBlueprint.For(Hello with { Command = ["sh", "-c", "echo hi"] }).Cmd);
    }

    [Fact]
    public void Stdin_is_attached_once_without_a_terminal()
    {
        var spec = ContainerBlueprint.For(Hello);

        Assert.True(spec.OpenStdin && spec.StdinOnce && spec.AttachStdin && spec.AttachStdout && spec.AttachStderr);
        Assert.False(spec.Tty);
    }

    [Fact]
    public void A_docker_function_without_an_image_cannot_start()
    {
        Assert.Throws<FunctionStartException>(() => ContainerBlueprint.For(Hello with { Image = null }));
    }
}
