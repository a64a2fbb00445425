using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using Docker.DotNet.Models;
using Orleans.Faas.Functions;
using Orleans.Faas.Runtime.Docker;
using Orleans.Faas.Runtime.Runners;

namespace Orleans.Faas.Tests.Runtime;

public sealed class ContainerBlueprintTests
{
    private static readonly FunctionDefinition Hello = new(
        "hello", FunctionRuntime.Docker, "faas-samples/hello:latest", [], ImmutableDictionary<string, string>.Empty.Add("A", "1"),
        0.5, 64, TimeSpan.FromSeconds(30));

    private static readonly Config HelloImage = new() { Cmd = ["/bin/sh", "/hello.sh"] };

    private static DockerOptions NodeA(double? cpuCap = null) => new() { Node = "node-a", AgentPath = "/opt/faas/agent/faas-agent", CpuCap = cpuCap };

    private static CreateContainerParameters For(FunctionDefinition function, Config? image = null, DockerOptions? options = null) =>
        ContainerBlueprint.For(function, image ?? HelloImage, options ?? NodeA(), "/tmp/ofaas-x/1");

    [Fact]
    public void Limits_become_nano_cpus_and_memory_without_extra_swap()
    {
        var host = For(Hello).HostConfig;

        Assert.Equal(500_000_000, host.NanoCPUs);
        Assert.Equal(64L * 1024 * 1024, host.Memory);
        Assert.Equal(host.Memory, host.MemorySwap);
    }

    [Fact]
    public void Unset_limits_take_the_node_defaults()
    {
        var defaults = new DockerOptions();
        var host = For(Hello with { Cpu = 0, MemoryMiB = 0, PidsLimit = 0 }).HostConfig;

        Assert.Equal((long)(defaults.DefaultCpu * 1e9), host.NanoCPUs);
        Assert.Equal(defaults.DefaultMemoryMiB * 1024L * 1024, host.Memory);
        Assert.Equal(defaults.DefaultPidsLimit, host.PidsLimit);
    }

    [Fact]
    public void The_node_cpu_cap_lowers_a_larger_quota_and_leaves_a_smaller_one()
    {
        var capped = NodeA(cpuCap: 0.25);

        Assert.Equal(250_000_000, For(Hello with { Cpu = 2 }, options: capped).HostConfig.NanoCPUs);
        Assert.Equal(250_000_000, For(Hello with { Cpu = 0 }, options: capped).HostConfig.NanoCPUs);
        Assert.Equal(100_000_000, For(Hello with { Cpu = 0.1 }, options: capped).HostConfig.NanoCPUs);
        Assert.Equal(0.25, ContainerBlueprint.CpuQuota(Hello with { Cpu = 2 }, capped));
    }

    [Fact]
    public void Without_a_cap_a_function_gets_the_quota_it_asks_for()
    {
        Assert.Null(new DockerOptions().CpuCap);
        Assert.Equal(2_000_000_000, For(Hello with { Cpu = 2 }).HostConfig.NanoCPUs);
    }

    [Theory]
    [InlineData(0.001, false)]
    [InlineData(0.01, true)]
    [InlineData(1024.0, true)]
    [InlineData(2048.0, false)]
    public void The_cpu_cap_is_validated_when_set(double cap, bool valid)
    {
        var options = NodeA(cap);

        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
    }

    [Fact]
    public void The_box_has_no_network_capabilities_privilege_gain_or_writable_root()
    {
        var spec = For(Hello);

        Assert.True(spec.NetworkDisabled);
        Assert.Equal("none", spec.HostConfig.NetworkMode);
        Assert.Equal(["ALL"], spec.HostConfig.CapDrop);
        Assert.Equal(["no-new-privileges"], spec.HostConfig.SecurityOpt);
        Assert.True(spec.HostConfig.ReadonlyRootfs);
        Assert.StartsWith("rw,nosuid,nodev,size=", spec.HostConfig.Tmpfs["/tmp"], StringComparison.Ordinal);
        Assert.Equal("65534:65534", spec.User);
    }

    [Fact]
    public void A_definition_may_ask_for_a_network_a_user_and_a_pids_limit()
    {
        var spec = For(Hello with { Network = true, User = "1000:1000", PidsLimit = 32 });

        Assert.False(spec.NetworkDisabled);
        Assert.Null(spec.HostConfig.NetworkMode);
        Assert.Equal("1000:1000", spec.User);
        Assert.Equal(32, spec.HostConfig.PidsLimit);
    }

    [Fact]
    public void An_image_user_is_kept_unless_it_is_root()
    {
        Assert.Equal("app", For(Hello, new Config { Cmd = ["x"], User = "app" }).User);
        Assert.Equal("65534:65534", For(Hello, new Config { Cmd = ["x"], User = "root" }).User);
        Assert.Equal("65534:65534", For(Hello, new Config { Cmd = ["x"], User = "0:0" }).User);
    }

    [Fact]
    public void A_docker_function_with_a_code_file_works_in_its_read_only_code_folder()
    {
        var spec = For(Hello with { Code = new CodeFile("task.sh", "echo hi"u8.ToArray()) });

        Assert.Equal("/.faas/code", spec.WorkingDir);
        Assert.Contains("/tmp/ofaas-x/1/code:/.faas/code:ro", spec.HostConfig.Binds);
        Assert.Null(For(Hello).WorkingDir);
    }

    [Fact]
    public void The_agent_runs_the_image_entrypoint_and_command()
    {
        var spec = For(Hello, new Config { Entrypoint = ["/entry"], Cmd = ["--flag"] });

        Assert.Equal(["/.faas/bin/faas-agent", "/.faas/run/agent.sock"], spec.Entrypoint);
        Assert.Equal(["/entry", "--flag"], spec.Cmd);
        Assert.Equal(["A=1"], spec.Env);
        Assert.Equal("hello", spec.Labels[DockerRunner.FunctionLabel]);
        Assert.Equal("node-a", spec.Labels[DockerRunner.NodeLabel]);
        Assert.Equal(["/opt/faas/agent:/.faas/bin:ro", "/tmp/ofaas-x/1:/.faas/run:ro"], spec.HostConfig.Binds);
    }

    [Fact]
    public void A_command_replaces_the_image_cmd_but_not_its_entrypoint()
    {
        var spec = For(Hello with { Command = ["sh", "-c", "echo hi"] }, new Config { Entrypoint = ["/entry"], Cmd = ["--flag"] });

        Assert.Equal(["/entry", "sh", "-c", "echo hi"], spec.Cmd);
    }

    [Fact]
    public void A_function_with_no_command_anywhere_cannot_start()
    {
        Assert.Throws<FunctionStartException>(() => For(Hello, new Config()));
    }
}
