using Orleans.Faas.Cache;
using Orleans.Faas.Runtime.Cache.Allocation;

namespace Orleans.Faas.Tests.Runtime.Cache;

/// <summary>What a container run gets of the node's cache, on a fake resctrl tree and a fake container cgroup.</summary>
public sealed class RunCacheShareTests : IDisposable
{
    private const string Container = "sys/fs/cgroup/system.slice/docker-c0ffee.scope";
    private const string Group = "orleans-faas-n@docker-c0ffee.scope";

    private readonly FakeKernelTree _tree = new FakeKernelTree().With($"{Container}/cgroup.threads", "10\n11\n");
    private int _cgroupLookups;

    private string GroupFolder => Path.Combine(_tree.ResctrlRoot, Group);

    [Fact]
    public async Task A_run_that_needs_ways_has_its_container_in_a_group_with_that_share_until_it_is_released()
    {
        _tree.WithResctrl();

        var share = await RunCacheShare.TakeAsync(Allocation(), 4, FindCgroup, CancellationToken.None);

        Assert.Equal(CacheAllocationDecision.Allocated(4, "00f", Group), share.Decision);
        Assert.Equal("L3:0=00f;1=00f\n", File.ReadAllText(Path.Combine(GroupFolder, "schemata")));
        Assert.Equal("10\n11\n", File.ReadAllText(Path.Combine(GroupFolder, "tasks")));

        Assert.Null(await share.ReleaseAsync());
        Assert.False(Directory.Exists(GroupFolder));
    }

    [Fact]
    public async Task A_run_that_fails_leaves_no_group_behind()
    {
        _tree.WithResctrl();
        var allocation = Allocation();

        // As the runner does: the share is released on every way out of the run.
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            var share = await RunCacheShare.TakeAsync(allocation, 4, FindCgroup, CancellationToken.None);
            try
            {
                Assert.True(Directory.Exists(GroupFolder));
                throw new InvalidOperationException("the run broke");
            }
            finally
            {
                await share.ReleaseAsync();
            }
        });

        Assert.Equal("the run broke", failure.Message);
        Assert.False(Directory.Exists(GroupFolder));
        Assert.Equal("00f", await MaskOfNextRunAsync(allocation));
    }

    [Fact]
    public async Task A_run_without_a_known_need_touches_nothing_and_its_task_shows_nothing()
    {
        _tree.WithResctrl();

        var share = await RunCacheShare.TakeAsync(Allocation(), null, FindCgroup, CancellationToken.None);

        Assert.Null(share.Decision);
        Assert.Equal(0, _cgroupLookups);
        Assert.Equal(["info"], Directory.EnumerateDirectories(_tree.ResctrlRoot).Select(Path.GetFileName));
        Assert.Null(await share.ReleaseAsync());
    }

    [Fact]
    public async Task Without_resctrl_a_run_that_needs_ways_touches_nothing_and_its_task_shows_nothing()
    {
        var share = await RunCacheShare.TakeAsync(Allocation(), 4, FindCgroup, CancellationToken.None);

        Assert.Null(share.Decision);
        Assert.Equal(0, _cgroupLookups);
        Assert.False(Directory.Exists(_tree.ResctrlRoot));
    }

    [Fact]
    public async Task A_container_whose_cgroup_is_not_found_gets_the_reason()
    {
        _tree.WithResctrl();

        var share = await RunCacheShare.TakeAsync(Allocation(), 4, () => Task.FromResult<string?>(null), CancellationToken.None);

        Assert.Equal(CacheAllocationDecision.NotAllocated("the container's cgroup folder was not found"), share.Decision);
        Assert.Null(await share.ReleaseAsync());
    }

    [Fact]
    public async Task A_group_the_kernel_refuses_leaves_the_reason_and_no_group()
    {
        _tree.WithResctrl();

        var share = await RunCacheShare.TakeAsync(Allocation(new FakeResctrlKernel { RefusedThread = 11 }), 4, FindCgroup, CancellationToken.None);

        Assert.Equal(CacheAllocationDecision.NotAllocated($"resctrl group {Group} could not be set up: Invalid argument"), share.Decision);
        Assert.False(Directory.Exists(GroupFolder));
        Assert.Null(await share.ReleaseAsync());
    }

    [Fact]
    public async Task A_group_the_kernel_will_not_remove_is_reported_rather_than_thrown_and_its_ways_are_given_back()
    {
        _tree.WithResctrl();
        var kernel = new FakeResctrlKernel();
        var allocation = Allocation(kernel);
        var share = await RunCacheShare.TakeAsync(allocation, 4, FindCgroup, CancellationToken.None);
        kernel.RefusesRemoval = true;

        var failure = await share.ReleaseAsync();

        Assert.Equal("Device or resource busy", failure?.Message);
        kernel.RefusesRemoval = false;
        Assert.Equal("00f", await MaskOfNextRunAsync(allocation));
    }

    public void Dispose() => _tree.Dispose();

    private ResctrlCacheAllocation Allocation(ResctrlKernel? kernel = null) =>
        new(ResctrlSupport.Detect(_tree.ResctrlRoot), "n", kernel ?? new FakeResctrlKernel());

    private Task<string?> FindCgroup()
    {
        _cgroupLookups++;
        return Task.FromResult<string?>(Path.Combine(_tree.Root, Container));
    }

    private async Task<string?> MaskOfNextRunAsync(ResctrlCacheAllocation allocation)
    {
        const string other = "sys/fs/cgroup/system.slice/docker-beef.scope";
        _tree.With($"{other}/cgroup.threads", "20\n");
        var share = await RunCacheShare.TakeAsync(allocation, 4, () => Task.FromResult<string?>(Path.Combine(_tree.Root, other)), CancellationToken.None);
        await share.ReleaseAsync();
        return share.Decision?.Mask;
    }
}
