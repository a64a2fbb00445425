namespace Orleans.Faas.Runtime.Cache.Allocation;

/// <summary>A contiguous run of L3 cache ways one task holds until the grant is disposed.</summary>
internal sealed class CacheWayGrant(CacheWayAllocator allocator, int first, int count) : IDisposable
{
    private int _returned;

    /// <summary>The lowest way of the run; way n is bit n of a capacity bitmask.</summary>
    public int First { get; } = first;

    public int Count { get; } = count;

    /// <summary>The run as a capacity bitmask.</summary>
    public ulong Mask => (Count == 64 ? ulong.MaxValue : (1UL << Count) - 1) << First;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _returned, 1) == 0)
            allocator.Return(this);
    }
}
