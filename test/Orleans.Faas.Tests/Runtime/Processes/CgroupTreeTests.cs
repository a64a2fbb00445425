using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.Runtime.Docker;
using Orleans.Faas.Runtime.Processes.Cgroups;

namespace Orleans.Faas.Tests.Runtime.Processes;

/// <summary>The cgroup code against a fake tree: a temp folder laid out like /sys/fs/cgroup, whose files do nothing when written.</summary>
public sealed class CgroupTreeTests : IDisposable
{
    private readonly DirectoryInfo _sys = Directory.CreateTempSubdirectory("fake-cgroup-");

    private string Root => Path.Combine(_sys.FullName, "orleans-faas");

    public void Dispose() => _sys.Delete(recursive: true);

    private void Lay(string relative, string content)
    {
        var path = Path.Combine(_sys.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <summary>A cgroup v2 mount whose root hands cpu, memory and pids down, and our folder with them turned on for its children.</summary>
    private void LayDelegatedTree()
    {
        Lay("cgroup.controllers", "cpuset cpu io memory hugetlb pids rdma misc\n");
        Lay("orleans-faas/cgroup.controllers", "cpu memory pids\n");
        Lay("orleans-faas/cgroup.subtree_control", "cpu memory pids\n");
    }

    private static FunctionDefinition Function(double cpu = 0, int memoryMiB = 0, int pids = 0) =>
        new("f", FunctionRuntime.Process, null, ["/bin/true"], ImmutableDictionary<string, string>.Empty, cpu, memoryMiB, TimeSpan.FromSeconds(5), PidsLimit: pids);

    [Fact]
    public void A_delegated_v2_tree_is_available()
    {
        LayDelegatedTree();

        var tree = CgroupTree.Detect(Root);

        Assert.Null(tree.UnavailableBecause);
        Assert.Equal(Root, tree.Root);
        Assert.Empty(Directory.GetDirectories(Root));
    }

    [Fact]
    public void A_node_without_cgroup_v2_says_so()
    {
        Lay("memory/memory.limit_in_bytes", "9223372036854771712\n");

        var tree = CgroupTree.Detect(Root);

        Assert.Contains("not in a cgroup v2 tree", tree.UnavailableBecause, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => tree.CreateRun(new RunLimits(1, 1 << 20, 8)));
    }

    [Fact]
    public void A_controller_the_parent_does_not_hand_down_is_named()
    {
        Lay("cgroup.controllers", "cpu io pids\n");
        Lay("orleans-faas/cgroup.controllers", "cpu pids\n");

        var tree = CgroupTree.Detect(Root);

        Assert.Contains("does not hand the memory controller(s) down", tree.UnavailableBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void Controllers_off_for_the_children_are_turned_on_and_checked()
    {
        Lay("cgroup.controllers", "cpu memory pids\n");
        Lay("orleans-faas/cgroup.controllers", "cpu memory pids\n");
        Lay("orleans-faas/cgroup.subtree_control", "pids\n");

        var tree = CgroupTree.Detect(Root);

        // The silo asked for the two that were off; a fake file keeps the request instead of acting on it, so none reads as on.
        Assert.Equal("+cpu +memory", File.ReadAllText(Path.Combine(Root, "cgroup.subtree_control")));
        Assert.Contains("could not turn on the cpu, memory, pids controller(s)", tree.UnavailableBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void A_root_the_silo_cannot_make_is_not_writable()
    {
        Lay("cgroup.controllers", "cpu memory pids\n");
        Lay("orleans-faas", "a file where the folder should be");

        var tree = CgroupTree.Detect(Root);

        Assert.Contains("is not writable by the silo", tree.UnavailableBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_gets_its_own_group_with_the_functions_limits()
    {
        LayDelegatedTree();
        var tree = CgroupTree.Detect(Root);

        var run = tree.CreateRun(RunLimits.For(Function(cpu: 0.5, memoryMiB: 64, pids: 20), new DockerOptions()));

        Assert.Equal(Root, Path.GetDirectoryName(run.Path));
        Assert.Equal(Path.Combine(run.Path, "cgroup.procs"), run.ProcsFile);
        Assert.Equal("50000 100000", File.ReadAllText(Path.Combine(run.Path, "cpu.max")));
        Assert.Equal($"{64 * 1024 * 1024}", File.ReadAllText(Path.Combine(run.Path, "memory.max")));
        Assert.Equal("20", File.ReadAllText(Path.Combine(run.Path, "pids.max")));
    }

    [Fact]
    public void A_function_that_sets_no_limits_gets_the_nodes_box_defaults_under_its_cap()
    {
        LayDelegatedTree();
        var box = new DockerOptions { DefaultCpu = 2, CpuCap = 1.5, DefaultMemoryMiB = 300, DefaultPidsLimit = 50 };

        var run = CgroupTree.Detect(Root).CreateRun(RunLimits.For(Function(), box));

        Assert.Equal("150000 100000", File.ReadAllText(Path.Combine(run.Path, "cpu.max")));
        Assert.Equal($"{300 * 1024 * 1024}", File.ReadAllText(Path.Combine(run.Path, "memory.max")));
        Assert.Equal("50", File.ReadAllText(Path.Combine(run.Path, "pids.max")));
    }

    [Fact]
    public void Every_run_gets_a_group_of_its_own()
    {
        LayDelegatedTree();
        var tree = CgroupTree.Detect(Root);
        var limits = new RunLimits(1, 1 << 20, 8);

        Assert.NotEqual(tree.CreateRun(limits).Path, tree.CreateRun(limits).Path);
    }
}
