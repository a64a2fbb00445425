namespace Orleans.Faas.Runtime.Docker;

/// <summary>
/// Idle containers per function version, newest first so the busy few stay warm and the rest age out, within the
/// node's budget of idle containers and of their memory. Holds no engine connection: callers destroy what it hands
/// back as expired or surplus.
/// </summary>
/// <param name="nodeMemoryBytes">The node's memory, of which the idle containers' limits may take <see cref="WarmPoolOptions.MaxIdleMemoryShare"/>.</param>
internal sealed class WarmPool(WarmPoolOptions options, long nodeMemoryBytes, TimeProvider time)
{
    private readonly Dictionary<WarmPoolKey, List<FunctionContainer>> _idle = [];
    private readonly Lock _gate = new();
    private readonly long _maxIdleMemoryBytes = (long)(nodeMemoryBytes * options.MaxIdleMemoryShare);
    private int _idleCount;
    private long _idleMemoryBytes;

    public bool Enabled => options.MaxIdlePerFunction > 0;

    /// <summary>The most recently used idle container of the function version, taken out of the pool.</summary>
    public FunctionContainer? TryRent(WarmPoolKey key)
    {
        lock (_gate)
        {
            if (!_idle.TryGetValue(key, out var containers) || containers.Count == 0)
                return null;
            var newest = containers[^1];
            containers.RemoveAt(containers.Count - 1);
            Forget(newest);
            return newest;
        }
    }

    /// <summary>
    /// Keeps the container for the next request for up to <paramref name="keepFor"/>; false when that is no time, the
    /// version already has its fill of idle ones or the node's budget has no room for it.
    /// </summary>
    public bool TryReturn(WarmPoolKey key, FunctionContainer container, TimeSpan keepFor)
    {
        lock (_gate)
        {
            if (keepFor <= TimeSpan.Zero || !HasRoomFor(key, container.MemoryBytes))
                return false;
            if (!_idle.TryGetValue(key, out var containers))
                _idle[key] = containers = [];
            container.IdleSince = time.GetUtcNow();
            container.KeepUntil = container.IdleSince + keepFor;
            containers.Add(container);
            _idleCount++;
            _idleMemoryBytes += container.MemoryBytes;
            return true;
        }
    }

    /// <summary>Whether a container of the version with a memory limit of <paramref name="memoryBytes"/> would be kept now.</summary>
    public bool HasRoomFor(WarmPoolKey key, long memoryBytes)
    {
        lock (_gate)
            return IdleCount(key) < options.MaxIdlePerFunction && _idleCount < options.MaxIdleOnNode && _idleMemoryBytes + memoryBytes <= _maxIdleMemoryBytes;
    }

    /// <summary>Takes out every container kept past its keep-alive.</summary>
    public List<FunctionContainer> TakeExpired()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var expired = new List<FunctionContainer>();
            foreach (var (key, containers) in _idle)
            {
                expired.AddRange(containers.Where(c => c.KeepUntil <= now));
                containers.RemoveAll(c => c.KeepUntil <= now);
                if (containers.Count == 0)
                    _idle.Remove(key);
            }
            expired.ForEach(Forget);
            return expired;
        }
    }

    /// <summary>Takes out the idle containers of every version of the function.</summary>
    public List<FunctionContainer> TakeAllOf(string function)
    {
        lock (_gate)
        {
            var taken = new List<FunctionContainer>();
            foreach (var key in _idle.Keys.Where(key => key.Function == function).ToList())
            {
                taken.AddRange(_idle[key]);
                _idle.Remove(key);
            }
            taken.ForEach(Forget);
            return taken;
        }
    }

    public List<FunctionContainer> TakeAll()
    {
        lock (_gate)
        {
            var all = _idle.Values.SelectMany(c => c).ToList();
            _idle.Clear();
            _idleCount = 0;
            _idleMemoryBytes = 0;
            return all;
        }
    }

    /// <summary>Idle containers by function version (<see cref="WarmPoolKey.Version"/>): a run can use only those of its own.</summary>
    public Dictionary<string, int> IdleByVersion()
    {
        lock (_gate)
            return _idle.Where(i => i.Value.Count > 0).ToDictionary(i => i.Key.Version, i => i.Value.Count);
    }

    /// <summary>Called under the lock: a container leaves the pool's budget.</summary>
    private void Forget(FunctionContainer container)
    {
        _idleCount--;
        _idleMemoryBytes -= container.MemoryBytes;
    }

    /// <summary>Idle containers of a function version, for tests and metrics.</summary>
    public int IdleCount(WarmPoolKey key)
    {
        lock (_gate)
            return _idle.TryGetValue(key, out var containers) ? containers.Count : 0;
    }
}
