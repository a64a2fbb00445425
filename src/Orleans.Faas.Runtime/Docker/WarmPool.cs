namespace Orleans.Faas.Runtime.Docker;

/// <summary>
/// Idle containers per function version, newest first so the busy few stay warm and the rest age out. Holds no
/// engine connection: callers destroy what it hands back as expired or surplus.
/// </summary>
internal sealed class WarmPool(WarmPoolOptions options, TimeProvider time)
{
    private readonly Dictionary<WarmPoolKey, List<FunctionContainer>> _idle = [];
    private readonly Lock _gate = new();

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
            return newest;
        }
    }

    /// <summary>Keeps the container for the next request; false when the version already has its fill of idle ones.</summary>
    public bool TryReturn(WarmPoolKey key, FunctionContainer container)
    {
        lock (_gate)
        {
            if (!_idle.TryGetValue(key, out var containers))
                _idle[key] = containers = [];
            if (containers.Count >= options.MaxIdlePerFunction)
                return false;
            container.IdleSince = time.GetUtcNow();
            containers.Add(container);
            return true;
        }
    }

    /// <summary>Takes out every container idle for longer than the idle timeout.</summary>
    public List<FunctionContainer> TakeExpired()
    {
        var cutoff = time.GetUtcNow() - options.IdleTimeout;
        lock (_gate)
        {
            var expired = new List<FunctionContainer>();
            foreach (var (key, containers) in _idle)
            {
                expired.AddRange(containers.Where(c => c.IdleSince <= cutoff));
                containers.RemoveAll(c => c.IdleSince <= cutoff);
                if (containers.Count == 0)
                    _idle.Remove(key);
            }
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
            return taken;
        }
    }

    public List<FunctionContainer> TakeAll()
    {
        lock (_gate)
        {
            var all = _idle.Values.SelectMany(c => c).ToList();
            _idle.Clear();
            return all;
        }
    }

    /// <summary>Idle containers by function name, every version counted.</summary>
    public Dictionary<string, int> IdleByFunction()
    {
        lock (_gate)
            return _idle.GroupBy(i => i.Key.Function).ToDictionary(g => g.Key, g => g.Sum(i => i.Value.Count));
    }

    /// <summary>Idle containers of a function version, for tests and metrics.</summary>
    public int IdleCount(WarmPoolKey key)
    {
        lock (_gate)
            return _idle.TryGetValue(key, out var containers) ? containers.Count : 0;
    }
}
