using Orleans.Faas.Providers;

namespace Orleans.Faas.Runtime.KeepAlive;

/// <summary>
/// The idle times between the invocations of each function on this node, from the end of its last run to the start of
/// the next one when none ran in between, and the keep-alive decision each function's histogram gives.
/// </summary>
internal sealed class IdleTimes(KeepAliveOptions options, TimeSpan fixedKeepAlive, TimeProvider time)
{
    private readonly Dictionary<string, Function> _functions = [];
    private readonly Lock _gate = new();

    /// <summary>A run of the function starts: the time since its last run ended is an idle time, unless another still runs.</summary>
    public void Started(string function)
    {
        lock (_gate)
        {
            if (!_functions.TryGetValue(function, out var seen))
                _functions[function] = seen = new Function(new IdleTimeHistogram(options.BinWidth, options.Bins));
            if (seen.Running == 0 && seen.LastEnded is { } ended)
                seen.Histogram.Add(time.GetUtcNow() - ended);
            seen.Decision = KeepAlivePolicy.Decide(seen.Histogram, options, fixedKeepAlive);
            seen.Running++;
        }
    }

    public void Ended(string function)
    {
        lock (_gate)
        {
            var seen = _functions[function];
            seen.Running--;
            seen.LastEnded = time.GetUtcNow();
        }
    }

    /// <summary>The decision for a function that has started here.</summary>
    public KeepAliveDecision DecisionFor(string function)
    {
        lock (_gate)
            return _functions[function].Decision!;
    }

    /// <summary>The decision for every function that has run here.</summary>
    public Dictionary<string, KeepAliveDecision> Decisions()
    {
        lock (_gate)
            return _functions.ToDictionary(f => f.Key, f => f.Value.Decision!);
    }

    private sealed class Function(IdleTimeHistogram histogram)
    {
        public IdleTimeHistogram Histogram { get; } = histogram;

        public int Running { get; set; }

        public DateTimeOffset? LastEnded { get; set; }

        public KeepAliveDecision? Decision { get; set; }
    }
}
