namespace Orleans.Faas.Runtime.Cache.Allocation;

/// <summary>One run's cache allocation: disposing removes its resctrl group, so the container has the whole cache again, and gives its ways back.</summary>
internal sealed class CacheAllocationLease(ResctrlGroup group, CacheWayGrant ways) : IAsyncDisposable
{
    /// <exception cref="IOException">The kernel would not remove the group; its ways are given back all the same.</exception>
    public ValueTask DisposeAsync()
    {
        try
        {
            group.Dispose();
        }
        finally
        {
            ways.Dispose();
        }
        return ValueTask.CompletedTask;
    }
}
