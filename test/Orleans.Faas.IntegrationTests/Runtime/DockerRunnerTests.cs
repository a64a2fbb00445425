using System.Collections.Immutable;
using System.Diagnostics;
using Docker.DotNet.Models;
using Orleans.Faas.Functions;
using Orleans.Faas.Runtime.Runners;
using static Orleans.Faas.IntegrationTests.Runtime.RunBytes;

namespace Orleans.Faas.IntegrationTests.Runtime;

/// <summary>Runs functions in real containers on the test script's private dockerd.</summary>
public sealed class DockerRunnerTests : RunnerOnTestDocker
{
    /// <summary>A uniquely named function that gets a fresh container per run, so the label filter finds only this test's containers.</summary>
    private static FunctionDefinition Function(params string[] command) => TestFunctions.Docker(command) with { KeepWarm = false };

    [Fact]
    public async Task Hello_greets_its_input_and_leaves_no_container()
    {
        var function = Function();

        var outcome = await Runner.RunAsync(function, Utf8("Orleans"), CancellationToken.None);

        Assert.Equal("Hello, Orleans!\n", Text(outcome.Output));
        Assert.Equal(0, outcome.ExitCode);
        Assert.True(outcome.Succeeded);
        Assert.Empty(await ContainersOf(function));
    }

    [Fact]
    public async Task A_command_overrides_the_image_default()
    {
        var outcome = await Runner.RunAsync(Function("sh", "-c", "tr a-z A-Z"), Utf8("shout"), CancellationToken.None);

        Assert.Equal("SHOUT", Text(outcome.Output));
    }

    [Fact]
    public async Task The_function_env_reaches_the_container()
    {
        var function = Function("sh", "-c", "printf %s \"$GREETING\"") with
        {
            Env = ImmutableDictionary<string, string>.Empty.Add("GREETING", "hej från containern"),
        };

        var outcome = await Runner.RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.Equal("hej från containern", Text(outcome.Output));
    }

    [Fact]
    public async Task A_failing_container_reports_its_exit_code_and_stderr()
    {
        var outcome = await Runner.RunAsync(Function("sh", "-c", "echo partial; echo oops >&2; exit 7"), ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.Equal(7, outcome.ExitCode);
        Assert.Equal("oops\n", outcome.Logs);
        Assert.Equal("partial\n", Text(outcome.Output));
        Assert.False(outcome.TimedOut);
    }

    [Fact]
    public async Task A_timeout_kills_and_removes_the_container()
    {
        var function = Function("sleep", "30") with { Timeout = TimeSpan.FromSeconds(1) };
        var clock = Stopwatch.StartNew();

        var outcome = await Runner.RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.True(outcome.TimedOut);
        Assert.Null(outcome.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"The timed-out run took {clock.Elapsed}.");
        Assert.True(outcome.Conditions is { Cold: true, ContainerMs: > 0, CpuQuota: 1 }, $"{outcome.Conditions}");
        // The timeout is the run's own, however long the cold start before it took (under load, most of a second); a timer
        // may fire a few milliseconds early by another clock.
        Assert.InRange(outcome.WallTime, function.Timeout - TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5));
        Assert.Empty(await ContainersOf(function));
    }

    [Fact]
    public async Task Cancellation_throws_and_removes_the_container()
    {
        var function = Function("sleep", "30");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Runner.RunAsync(function, ReadOnlyMemory<byte>.Empty, cancel.Token));

        Assert.Empty(await ContainersOf(function));
    }

    [Fact]
    public async Task The_memory_limit_is_applied_to_the_container()
    {
        var function = Function("cat", "/sys/fs/cgroup/memory/memory.limit_in_bytes") with { MemoryMiB = 64 };

        var outcome = await Runner.RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal((64L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), Text(outcome.Output).Trim());
    }

    [Fact]
    public async Task The_cpu_limit_is_applied_to_the_container()
    {
        var function = Function("cat", "/sys/fs/cgroup/cpu/cpu.cfs_quota_us", "/sys/fs/cgroup/cpu/cpu.cfs_period_us") with { Cpu = 0.5 };

        var outcome = await Runner.RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("50000\n100000\n", Text(outcome.Output));
    }

    [Fact]
    public async Task Output_past_the_limit_is_cut_and_the_logs_keep_the_tails_of_stderr_and_the_overflow()
    {
        await using var runner = TestDockerRunners.Create(maxOutputBytes: 1000, maxLogBytes: 100);
        var function = Function("sh", "-c", "head -c 200000 /dev/zero | tr '\\0' o; echo END; yes err | head -c 200000 >&2");

        var outcome = await runner.RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.Equal(new string('o', 1000), Text(outcome.Output));
        Assert.True(outcome.OutputTruncated);
        var stderrAndOverflow = outcome.Logs.Split("\n[stdout beyond the result limit]\n");
        Assert.Equal(2, stderrAndOverflow.Length);
        Assert.StartsWith("[... 199900 earlier bytes of stderr dropped ...]\n", stderrAndOverflow[0], StringComparison.Ordinal);
        Assert.EndsWith("err\nerr\n", stderrAndOverflow[0], StringComparison.Ordinal);
        Assert.StartsWith("[... 198904 earlier bytes of stdout beyond the result limit dropped ...]\n", stderrAndOverflow[1], StringComparison.Ordinal);
        Assert.EndsWith("ooooEND\n", stderrAndOverflow[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_mebibytes_round_trip_through_the_container()
    {
        var input = new byte[4 * 1024 * 1024];
        Random.Shared.NextBytes(input);

        var outcome = await Runner.RunAsync(Function("cat"), input, CancellationToken.None);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(input.Length, outcome.Output.Length);
        Assert.True(input.AsSpan().SequenceEqual(outcome.Output), "The output differs from the input.");
    }

    [Fact]
    public async Task A_missing_program_in_the_image_is_a_start_failure()
    {
        var function = Function("/bin/no-such-program");

        var failure = await Assert.ThrowsAsync<FunctionStartException>(() => Runner.RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None));

        Assert.Contains("no-such-program", failure.Message, StringComparison.Ordinal);
        Assert.Empty(await ContainersOf(function));
    }

    [Fact]
    public async Task A_second_runner_for_the_same_node_on_this_host_is_refused()
    {
        var node = $"twin-{Guid.NewGuid():N}"[..20];
        await using var first = TestDockerRunners.Create(node: node);

        var refused = Assert.Throws<InvalidOperationException>(() => TestDockerRunners.Create(node: node));

        Assert.Contains($"Node '{node}' already runs on this host", refused.Message, StringComparison.Ordinal);
        var outcome = await first.RunAsync(Function("echo", "unharmed"), ReadOnlyMemory<byte>.Empty, CancellationToken.None);
        Assert.Equal("unharmed\n", Text(outcome.Output));
    }

    [Fact]
    public async Task An_unreachable_engine_is_a_start_failure()
    {
        var endpoint = $"unix:///tmp/faas-no-docker-{Guid.NewGuid():N}/docker.sock";
        await using var runner = TestDockerRunners.Create(endpoint);

        var failure = await Assert.ThrowsAsync<FunctionStartException>(() => runner.RunAsync(Function(), Utf8("x"), CancellationToken.None));

        Assert.Contains($"Docker at {endpoint} did not answer", failure.Message, StringComparison.Ordinal);
    }

    private Task<IList<ContainerListResponse>> ContainersOf(FunctionDefinition function) => Docker.ContainersOf(function);
}
