using Orleans.Faas.Cache;

namespace Orleans.Faas.Runtime.Cache.Allocation;

/// <summary>
/// Gives a run its own share of the node's L3 cache: ways from the node's allocator, a resctrl group with them, and the
/// run's container moved into that group until the run ends. One per node (it holds the node's allocator). On a node
/// without resctrl every run gets the reason why, and nothing is touched.
/// </summary>
public sealed class ResctrlCacheAllocation
{
    private readonly ResctrlSupport _support;
    private readonly string _node;
    private readonly ResctrlKernel _kernel;

    /// <summary>The node's allocator; null exactly when resctrl is unavailable.</summary>
    private readonly CacheWayAllocator? _ways;

    /// <param name="support">What <see cref="ResctrlSupport.Detect"/> found at start.</param>
    /// <param name="node">This node's name, which its groups carry so that silos sharing a host leave each other's groups alone.</param>
    public ResctrlCacheAllocation(ResctrlSupport support, string node)
        : this(support, node, ResctrlKernel.Instance)
    {
    }

    internal ResctrlCacheAllocation(ResctrlSupport support, string node, ResctrlKernel kernel)
    {
        _support = support;
        _node = node;
        _kernel = kernel;
        _ways = support.IsAvailable ? new CacheWayAllocator(support.L3) : null;
    }

    /// <summary>Runs on this node can get cache ways of their own; false when resctrl is unavailable.</summary>
    public bool IsAvailable => _support.IsAvailable;

    /// <summary>
    /// Moves the container into a resctrl group of its own with <paramref name="waysNeeded"/> cache ways (fewer or more
    /// when the cache allows no such group) until the lease is disposed. Call it while the container waits for the run,
    /// and dispose the lease once the run is over, whatever became of it.
    /// </summary>
    /// <param name="containerCgroup">Any cgroup folder of the container, e.g. <see cref="ContainerCgroups.PerfEventFolder"/>.</param>
    /// <returns>
    /// What the run got, or why it got nothing (no resctrl, or the kernel refused the group), to store on the task; and
    /// the lease to dispose after the run, null when it got nothing.
    /// </returns>
    public Task<(CacheAllocationDecision Decision, IAsyncDisposable? Lease)> AllocateAsync(string containerCgroup, int waysNeeded, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(waysNeeded, 1);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_support.IsAvailable)
            return Result(CacheAllocationDecision.NotAllocated(_support.UnavailableBecause), null);

        var name = ResctrlGroup.NameFor(_node, Path.GetFileName(Path.TrimEndingDirectorySeparator(containerCgroup)));
        var grant = _ways!.Take(waysNeeded);
        var mask = ResctrlSchemata.Hex(grant.Mask, _support.L3.Ways);
        try
        {
            var group = ResctrlGroup.Create(_support.Root, name, ResctrlSchemata.L3Line(_support.L3.Domains, mask), containerCgroup, _kernel, cancellationToken);
            return Result(CacheAllocationDecision.Allocated(grant.Count, mask, name), new CacheAllocationLease(group, grant));
        }
        catch (Exception e)
        {
            grant.Dispose();
            if (e is not (IOException or UnauthorizedAccessException))
                throw;
            return Result(CacheAllocationDecision.NotAllocated($"resctrl group {name} could not be set up: {e.Message}"), null);
        }
    }

    /// <summary>Removes the resctrl groups an earlier process of this node left behind, such as a crashed silo's; call it once at start.</summary>
    /// <returns>The names of the groups removed; none on a node without resctrl.</returns>
    public IReadOnlyList<string> RemoveLeftoverGroups() =>
        _support.IsAvailable ? ResctrlGroup.RemoveLeftovers(_support.Root, _node, _kernel) : [];

    // The kernel does its part at once; callers await it among their other steps of a run.
    private static Task<(CacheAllocationDecision Decision, IAsyncDisposable? Lease)> Result(CacheAllocationDecision decision, IAsyncDisposable? lease) =>
        Task.FromResult((decision, lease));
}
