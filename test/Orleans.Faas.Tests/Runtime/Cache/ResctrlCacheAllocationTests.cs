using Orleans.Faas.Cache;
using Orleans.Faas.Runtime.Cache.Allocation;

namespace Orleans.Faas.Tests.Runtime.Cache;

public sealed class ResctrlCacheAllocationTests : IDisposable
{
    private const string Container = "sys/fs/cgroup/system.slice/docker-c0ffee.scope";
    private const string Group = "orleans-faas-n@docker-c0ffee.scope";

    private readonly FakeKernelTree _tree = new FakeKernelTree().With($"{Container}/cgroup.threads", "10\n11\n");

    private string ContainerCgroup => Path.Combine(_tree.Root, Container);

    private string GroupFolder => Path.Combine(_tree.ResctrlRoot, Group);

    [Fact]
    public async Task Without_resctrl_a_run_gets_the_reason_and_nothing_is_touched()
    {
        _tree.With("sys/fs/resctrl/info/MB/min_bandwidth", "10\n");
        var before = Directory.GetFileSystemEntries(_tree.ResctrlRoot, "*", SearchOption.AllDirectories);

        var (decision, lease) = await Allocation().AllocateAsync(ContainerCgroup, 4, CancellationToken.None);

        Assert.Null(lease);
        Assert.Equal(CacheAllocationDecision.NotAllocated(ResctrlSupport.Detect(_tree.ResctrlRoot).UnavailableBecause!), decision);
        Assert.Equal(before, Directory.GetFileSystemEntries(_tree.ResctrlRoot, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_run_gets_its_ways_in_a_group_of_its_own_until_the_lease_is_disposed()
    {
        _tree.WithResctrl();
        var allocation = Allocation();

        var (decision, lease) = await allocation.AllocateAsync(ContainerCgroup, 4, CancellationToken.None);

        Assert.Equal(CacheAllocationDecision.Allocated(4, "00f", Group), decision);
        Assert.Equal("L3:0=00f;1=00f\n", File.ReadAllText(Path.Combine(GroupFolder, "schemata")));
        Assert.Equal("10\n11\n", File.ReadAllText(Path.Combine(GroupFolder, "tasks")));

        await lease!.DisposeAsync();

        Assert.False(Directory.Exists(GroupFolder));
        Assert.Equal("00f", await MaskOfNextRunAsync(allocation, "sys/fs/cgroup/system.slice/docker-beef.scope"));
    }

    [Fact]
    public async Task Runs_at_once_get_ways_apart()
    {
        _tree.WithResctrl(schemata: "L3:0=fff\n");
        var allocation = Allocation();

        var (_, lease) = await allocation.AllocateAsync(ContainerCgroup, 4, CancellationToken.None);
        await using var first = lease;

        Assert.Equal("0f0", await MaskOfNextRunAsync(allocation, "sys/fs/cgroup/system.slice/docker-beef.scope"));
    }

    [Fact]
    public async Task A_run_that_asks_for_fewer_ways_than_a_group_may_hold_gets_the_minimum()
    {
        _tree.WithResctrl(minCbmBits: "2");

        var (decision, lease) = await Allocation().AllocateAsync(ContainerCgroup, 1, CancellationToken.None);
        await using var _ = lease;

        Assert.Equal(CacheAllocationDecision.Allocated(2, "003", Group), decision);
    }

    [Fact]
    public async Task A_group_the_kernel_refuses_leaves_a_reason_no_group_and_the_ways_free()
    {
        _tree.WithResctrl();
        var allocation = Allocation(new FakeResctrlKernel { RefusedThread = 11 });

        var (decision, lease) = await allocation.AllocateAsync(ContainerCgroup, 4, CancellationToken.None);

        Assert.Null(lease);
        Assert.Equal(CacheAllocationDecision.NotAllocated($"resctrl group {Group} could not be set up: Invalid argument"), decision);
        Assert.False(Directory.Exists(GroupFolder));
        Assert.Equal("00f", await MaskOfNextRunAsync(allocation, "sys/fs/cgroup/system.slice/docker-beef.scope"));
    }

    [Fact]
    public async Task A_cancelled_allocation_throws_and_gives_the_ways_back()
    {
        _tree.WithResctrl();
        using var cancelled = new CancellationTokenSource();
        var allocation = Allocation(new FakeResctrlKernel { AfterMove = _ => cancelled.Cancel() });

        await Assert.ThrowsAsync<OperationCanceledException>(() => allocation.AllocateAsync(ContainerCgroup, 4, cancelled.Token));

        Assert.False(Directory.Exists(GroupFolder));
        Assert.Equal("00f", await MaskOfNextRunAsync(allocation, "sys/fs/cgroup/system.slice/docker-beef.scope"));
    }

    [Fact]
    public async Task Asking_for_no_ways_is_refused()
    {
        _tree.WithResctrl();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Allocation().AllocateAsync(ContainerCgroup, 0, CancellationToken.None));
    }

    [Fact]
    public void Leftover_groups_of_this_node_are_removed_at_start()
    {
        _tree.WithResctrl();
        var kernel = new FakeResctrlKernel();
        kernel.MakeGroup(GroupFolder);
        kernel.MakeGroup(Path.Combine(_tree.ResctrlRoot, "orleans-faas-other@docker-c0ffee.scope"));

        Assert.Equal([Group], Allocation(kernel).RemoveLeftoverGroups());
        Assert.False(Directory.Exists(GroupFolder));
    }

    [Fact]
    public void Without_resctrl_there_are_no_leftover_groups() =>
        Assert.Empty(Allocation().RemoveLeftoverGroups());

    public void Dispose() => _tree.Dispose();

    private ResctrlCacheAllocation Allocation(ResctrlKernel? kernel = null) =>
        new(ResctrlSupport.Detect(_tree.ResctrlRoot), "n", kernel ?? new FakeResctrlKernel());

    private async Task<string?> MaskOfNextRunAsync(ResctrlCacheAllocation allocation, string container)
    {
        _tree.With($"{container}/cgroup.threads", "20\n");
        var (decision, lease) = await allocation.AllocateAsync(Path.Combine(_tree.Root, container), 4, CancellationToken.None);
        await using var _ = lease;
        return decision.Mask;
    }
}
