using Orleans.Faas.Runtime.Cache;

namespace Orleans.Faas.Tests.Runtime;

public sealed class CacheCounterSupportTests
{
    private static readonly Func<string?> Allowed = () => null;

    [Fact]
    public void A_kernel_without_perf_events_has_no_counters_and_says_so()
    {
        using var tree = new FakeKernelTree().With("sys/fs/cgroup/perf_event/tasks", "");

        var support = CacheCounterSupport.Detect(tree.Root, Allowed);

        Assert.Contains("no perf events", support.UnavailableBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void Cgroup_v1_without_the_perf_event_controller_has_no_counters()
    {
        using var tree = new FakeKernelTree()
            .With("proc/sys/kernel/perf_event_paranoid", "2\n")
            .With("sys/fs/cgroup/memory/tasks", "");

        var support = CacheCounterSupport.Detect(tree.Root, Allowed);

        Assert.Contains("perf_event cgroup controller is not mounted", support.UnavailableBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cpu_without_a_cache_counter_has_none_and_the_kernel_error_is_kept()
    {
        using var tree = new FakeKernelTree()
            .With("proc/sys/kernel/perf_event_paranoid", "2\n")
            .With("sys/fs/cgroup/perf_event/tasks", "");

        var support = CacheCounterSupport.Detect(tree.Root, () => "No such file or directory");

        Assert.Equal("perf_event_open refused a hardware cache counter: No such file or directory", support.UnavailableBecause);
    }

    [Theory]
    [InlineData("sys/fs/cgroup/perf_event/tasks")]
    [InlineData("sys/fs/cgroup/cgroup.controllers")]
    public void Perf_events_a_perf_event_cgroup_and_a_cache_counter_make_them_available(string cgroupFile)
    {
        using var tree = new FakeKernelTree()
            .With("proc/sys/kernel/perf_event_paranoid", "1\n")
            .With(cgroupFile, "");

        Assert.Null(CacheCounterSupport.Detect(tree.Root, Allowed).UnavailableBecause);
    }

    [Fact]
    public void This_machine_answers_either_way_with_a_reason_when_unavailable()
    {
        var support = CacheCounterSupport.DetectHere();

        Assert.True(support.UnavailableBecause is null or { Length: > 10 }, support.UnavailableBecause);
    }
}
