using Orleans.Faas.Runtime.Cache;

namespace Orleans.Faas.Tests.Runtime;

public sealed class ContainerCgroupsTests
{
    private const string Id = "a3b4f2f28193b72e46daa295e9f80a23db7f4fa7031edccf002248270ecb4d59";

    [Fact]
    public void Under_cgroup_v1_the_perf_event_hierarchy_is_used()
    {
        using var tree = new FakeKernelTree().With("proc/4242/cgroup",
            $"9:name=systemd:/docker/{Id}\n8:pids:/docker/{Id}\n5:perf_event,net_cls:/docker/{Id}\n0::/docker/{Id}\n");

        Assert.Equal(Path.Combine(tree.Root, "sys/fs/cgroup/perf_event/docker", Id), ContainerCgroups.PerfEventFolder(tree.Root, 4242));
    }

    [Fact]
    public void Under_cgroup_v2_the_unified_cgroup_is_used()
    {
        using var tree = new FakeKernelTree()
            .With("proc/7/cgroup", $"0::/system.slice/docker-{Id}.scope\n")
            .With("sys/fs/cgroup/cgroup.controllers", "cpu memory pids perf_event\n");

        Assert.Equal(Path.Combine(tree.Root, "sys/fs/cgroup/system.slice", $"docker-{Id}.scope"), ContainerCgroups.PerfEventFolder(tree.Root, 7));
    }

    [Fact]
    public void A_v1_node_without_a_perf_event_hierarchy_has_no_folder()
    {
        // This VM's shape: v1 controllers, none of them perf_event, and an empty unified line.
        using var tree = new FakeKernelTree().With("proc/7/cgroup", $"4:memory:/docker/{Id}\n0::/docker/{Id}\n");

        Assert.Null(ContainerCgroups.PerfEventFolder(tree.Root, 7));
    }

    [Fact]
    public void A_process_that_is_gone_has_no_folder()
    {
        using var tree = new FakeKernelTree();

        Assert.Null(ContainerCgroups.PerfEventFolder(tree.Root, 99999));
    }

    [Theory]
    [InlineData("cgroup.threads")]
    [InlineData("tasks")]
    public void A_cgroup_lists_the_ids_of_its_threads(string listing)
    {
        using var tree = new FakeKernelTree().With($"sys/fs/cgroup/docker/{Id}/{listing}", "7\n8\n42\n");

        Assert.Equal(new[] { 7, 8, 42 }, ContainerCgroups.ThreadIds(Path.Combine(tree.Root, "sys/fs/cgroup/docker", Id)));
    }

    [Fact]
    public void Threads_are_listed_rather_than_processes()
    {
        using var tree = new FakeKernelTree()
            .With($"sys/fs/cgroup/docker/{Id}/cgroup.procs", "7\n")
            .With($"sys/fs/cgroup/docker/{Id}/cgroup.threads", "7\n8\n");

        Assert.Equal(new[] { 7, 8 }, ContainerCgroups.ThreadIds(Path.Combine(tree.Root, "sys/fs/cgroup/docker", Id)));
    }

    [Fact]
    public void A_cgroup_that_is_gone_lists_no_threads()
    {
        using var tree = new FakeKernelTree();

        Assert.Null(ContainerCgroups.ThreadIds(Path.Combine(tree.Root, "sys/fs/cgroup/docker", Id)));
    }
}
