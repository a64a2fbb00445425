using Orleans.Faas.Functions;

namespace Orleans.Faas.Runtime.Docker;

/// <summary>Containers to start ahead of a function version's next expected run, at most one pending per version.</summary>
internal sealed class Prewarms
{
    private readonly Dictionary<WarmPoolKey, Prewarm> _pending = [];
    private readonly Lock _gate = new();

    /// <summary>Replaces what was pending for the version: the latest run's end is what the prewarm window counts from.</summary>
    public void Schedule(Prewarm prewarm)
    {
        lock (_gate)
            _pending[prewarm.Key] = prewarm;
    }

    /// <summary>A run of the version started before its prewarm: it needs none now.</summary>
    public void Cancel(WarmPoolKey key)
    {
        lock (_gate)
            _pending.Remove(key);
    }

    public void CancelAllOf(string function)
    {
        lock (_gate)
            foreach (var key in _pending.Keys.Where(key => key.Function == function).ToList())
                _pending.Remove(key);
    }

    /// <summary>Takes out every prewarm due by <paramref name="now"/>.</summary>
    public List<Prewarm> TakeDue(DateTimeOffset now)
    {
        lock (_gate)
        {
            var due = _pending.Values.Where(p => p.At <= now).ToList();
            foreach (var prewarm in due)
                _pending.Remove(prewarm.Key);
            return due;
        }
    }
}

/// <summary>A container of <paramref name="Function"/> to start at <paramref name="At"/> and keep idle for <paramref name="KeepAlive"/>.</summary>
internal sealed record Prewarm(WarmPoolKey Key, FunctionDefinition Function, DateTimeOffset At, TimeSpan KeepAlive);
