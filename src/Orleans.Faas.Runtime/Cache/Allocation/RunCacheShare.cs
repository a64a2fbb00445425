using Orleans.Faas.Cache;

namespace Orleans.Faas.Runtime.Cache.Allocation;

/// <summary>
/// One container run's share of the node's L3 cache, from just before the run until just after it: what a runner takes
/// from <see cref="ResctrlCacheAllocation"/> for the run, and the decision it puts on the run's task.
/// </summary>
internal sealed class RunCacheShare
{
    private readonly IAsyncDisposable? _lease;

    private RunCacheShare(CacheAllocationDecision? decision, IAsyncDisposable? lease)
    {
        Decision = decision;
        _lease = lease;
    }

    /// <summary>No share of its own: the run has the whole cache, and its task says nothing about it.</summary>
    public static RunCacheShare None { get; } = new(null, null);

    /// <summary>
    /// What the run got, or why it got nothing; null when it asked for nothing or the node has no resctrl (the node's
    /// facts say why, once for all its runs).
    /// </summary>
    public CacheAllocationDecision? Decision { get; }

    /// <summary>
    /// Moves the container into a resctrl group with <paramref name="ways"/> cache ways of its own. Call it while the
    /// container waits for the run, and release the share once the run is over, whatever became of it.
    /// </summary>
    /// <param name="ways">The ways the run needs; null when no need is known.</param>
    /// <param name="findCgroup">Finds a cgroup folder of the container, or null; asked only when the run is to get ways.</param>
    public static async Task<RunCacheShare> TakeAsync(
        ResctrlCacheAllocation allocation, int? ways, Func<Task<string?>> findCgroup, CancellationToken cancellationToken)
    {
        if (ways is not { } needed || !allocation.IsAvailable)
            return None;
        if (await findCgroup() is not { } cgroup)
            return new(CacheAllocationDecision.NotAllocated("the container's cgroup folder was not found"), null);
        var (decision, lease) = await allocation.AllocateAsync(cgroup, needed, cancellationToken);
        return new(decision, lease);
    }

    /// <summary>
    /// Removes the run's resctrl group, so its container has the whole cache again, and gives its ways back. A kernel
    /// refusal is returned rather than thrown, as this runs on every path out of a run.
    /// </summary>
    /// <returns>Why the group could not be removed (the node's next start removes it); null when it was, or there was none.</returns>
    public async Task<Exception?> ReleaseAsync()
    {
        if (_lease is null)
            return null;
        try
        {
            await _lease.DisposeAsync();
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e;
        }
    }
}
