namespace Orleans.Faas.Runtime.Cache.Allocation;

/// <summary>
/// Hands out contiguous runs of the node's L3 cache ways to the tasks running on it; one per node, thread-safe.
/// </summary>
/// <remarks>
/// A task gets the run whose busiest way has the fewest holders; among those, the run with the fewest holders in all;
/// among those, the lowest. So ways nobody holds go first, and once every way is held a new task overlaps the
/// least-used ways. Ways that devices fill too (<see cref="L3Geometry.ShareableBits"/>) count as held once, so they
/// go last.
/// </remarks>
internal sealed class CacheWayAllocator
{
    private readonly Lock _lock = new();
    private readonly L3Geometry _l3;
    private readonly int[] _holders;

    public CacheWayAllocator(L3Geometry l3)
    {
        _l3 = l3;
        _holders = new int[l3.Ways];
        for (var way = 0; way < l3.Ways; way++)
            _holders[way] = (int)(((l3.ShareableBits ?? 0) >> way) & 1);
    }

    /// <summary>
    /// A run of <paramref name="ways"/> ways, clamped to what a group may hold (at least <see cref="L3Geometry.MinWays"/>
    /// and one, at most all); disposing the grant gives them back.
    /// </summary>
    public CacheWayGrant Take(int ways)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ways, 1);
        var count = Math.Clamp(ways, Math.Max(1, _l3.MinWays), _l3.Ways);
        lock (_lock)
        {
            var first = LeastHeldRun(count);
            for (var way = first; way < first + count; way++)
                _holders[way]++;
            return new CacheWayGrant(this, first, count);
        }
    }

    internal void Return(CacheWayGrant grant)
    {
        lock (_lock)
        {
            for (var way = grant.First; way < grant.First + grant.Count; way++)
                _holders[way]--;
        }
    }

    private int LeastHeldRun(int count)
    {
        var best = (First: 0, Busiest: int.MaxValue, Total: int.MaxValue);
        for (var first = 0; first + count <= _holders.Length; first++)
        {
            var run = new ArraySegment<int>(_holders, first, count);
            var (busiest, total) = (run.Max(), run.Sum());
            if (busiest < best.Busiest || (busiest == best.Busiest && total < best.Total))
                best = (first, busiest, total);
        }
        return best.First;
    }
}
