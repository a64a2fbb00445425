using Orleans.Faas.Runtime.Cache;

namespace Orleans.Faas.IntegrationTests.Runtime;

/// <summary>What a run cost, as the container's cgroups report it through the agent: measured, or null with a reason, never a made-up zero.</summary>
public sealed class ExecutionMetricsTests : RunnerOnTestDocker
{
    [Fact]
    public async Task A_busy_run_reports_its_cpu_time_within_its_wall_time()
    {
        var function = TestFunctions.Docker("sh", "-c", "i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done");

        var outcome = await Runner.RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        var cpu = Assert.NotNull(outcome.Metrics?.CpuMs);
        Assert.InRange(cpu, 20, outcome.WallTime.TotalMilliseconds * 1.1);
    }

    [Fact]
    public async Task Each_warm_run_counts_only_its_own_cpu()
    {
        var function = TestFunctions.Docker("sh", "-c", "read n; i=0; while [ $i -lt $n ]; do i=$((i+1)); done");

        var busy = await Runner.RunAsync(function, "200000\n"u8.ToArray(), CancellationToken.None);
        var idle = await Runner.RunAsync(function, "1\n"u8.ToArray(), CancellationToken.None);

        Assert.True(idle.Metrics!.CpuMs < busy.Metrics!.CpuMs / 5, $"idle {idle.Metrics.CpuMs} ms vs busy {busy.Metrics.CpuMs} ms");
    }

    [Fact]
    public async Task Peak_memory_covers_what_the_run_touched()
    {
        var outcome = await Runner.RunAsync(
            TestFunctions.Docker("dd", "if=/dev/zero", "of=/dev/null", "bs=16M", "count=1"), ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Logs);
        Assert.InRange(Assert.NotNull(outcome.Metrics?.PeakMemoryBytes), 16L << 20, 64L << 20);
    }

    [Fact]
    public async Task Block_io_is_measured_and_cache_counters_are_either_counted_or_unavailable_with_a_reason()
    {
        var outcome = await Runner.RunAsync(TestFunctions.Docker("true"), ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        var metrics = Assert.IsType<Orleans.Faas.Tasks.ExecutionMetrics>(outcome.Metrics);
        Assert.NotNull(metrics.ReadBytes);
        Assert.NotNull(metrics.WriteBytes);
        if (CacheCounterSupport.DetectHere().UnavailableBecause is { } why)
        {
            Assert.Null(metrics.LlcReferences);
            Assert.Null(metrics.LlcMisses);
            Assert.Equal(why, metrics.CacheCountersUnavailable);
        }
        else
        {
            Assert.NotNull(metrics.LlcReferences);
            Assert.NotNull(metrics.LlcMisses);
        }
    }
}
