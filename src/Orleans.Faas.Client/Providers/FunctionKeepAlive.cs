namespace Orleans.Faas.Client;

/// <summary>How a node keeps a function's containers warm, learned from the idle times between its invocations there.</summary>
public sealed record FunctionKeepAlive
{
    public string Function { get; init; } = "";

    /// <summary>How long an idle container of it is kept: after a run, or after the prewarm when there is one.</summary>
    public double KeepAliveSeconds { get; init; }

    /// <summary>How long after a run a container is started ahead of the next one; 0 keeps the run's container instead.</summary>
    public double PrewarmAfterSeconds { get; init; }

    /// <summary>Whether the idle-time histogram decided; false means the fixed keep-alive applies, <see cref="Basis"/> says why.</summary>
    public bool Representative { get; init; }

    public KeepAliveBasis Basis { get; init; }

    /// <summary>Idle times between its invocations seen on the node.</summary>
    public int IdleTimes { get; init; }
}

/// <summary>What a <see cref="FunctionKeepAlive"/> rests on.</summary>
public enum KeepAliveBasis
{
    /// <summary>The idle-time histogram: prewarm and keep-alive from its head and tail percentiles.</summary>
    Histogram,

    /// <summary>Too few idle times yet; the fixed keep-alive applies.</summary>
    TooFewIdleTimes,

    /// <summary>The idle times spread too evenly to predict the next call; the fixed keep-alive applies.</summary>
    Flat,

    /// <summary>Too many idle times longer than the histogram holds; the fixed keep-alive applies.</summary>
    OutOfRange,

    /// <summary>The node keeps every function's containers for the fixed keep-alive.</summary>
    Fixed,

    /// <summary>Every idle time seen outlasted the fixed keep-alive, and the histogram does not decide yet: no container is kept.</summary>
    OutlastFixed,
}
