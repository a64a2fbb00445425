namespace Orleans.Faas.Providers;

/// <summary>
/// How a node keeps a function's containers warm, learned from the idle times between its invocations there (the
/// hybrid histogram policy, docs/concepts/keep-alive.md).
/// </summary>
/// <param name="KeepAlive">How long a container is kept idle: after a run when <paramref name="PrewarmAfter"/> is zero, else after the prewarm.</param>
/// <param name="PrewarmAfter">How long after a run the node starts a container ahead of the next expected one; zero keeps the container of the run instead.</param>
/// <param name="Basis">What the decision rests on: the histogram, or why it fell back to the fixed keep-alive.</param>
/// <param name="IdleTimes">Idle times seen on this node, in the histogram's range or beyond it.</param>
[GenerateSerializer, Immutable, Alias("faas.KeepAliveDecision")]
public sealed record KeepAliveDecision(
    [property: Id(0)] TimeSpan KeepAlive,
    [property: Id(1)] TimeSpan PrewarmAfter,
    [property: Id(2)] KeepAliveBasis Basis,
    [property: Id(3)] int IdleTimes)
{
    /// <summary>Whether the histogram decided, rather than the fixed keep-alive it falls back to.</summary>
    public bool Representative => Basis == KeepAliveBasis.Histogram;
}

/// <summary>Why a <see cref="KeepAliveDecision"/> is what it is.</summary>
[GenerateSerializer]
public enum KeepAliveBasis
{
    /// <summary>The histogram is representative: prewarm and keep-alive come from its head and tail percentiles.</summary>
    Histogram,

    /// <summary>Too few idle times were seen yet; the fixed keep-alive applies.</summary>
    TooFewIdleTimes,

    /// <summary>The idle times spread evenly over the bins (their counts vary too little), so no window predicts the next call; the fixed keep-alive applies.</summary>
    Flat,

    /// <summary>Too many idle times are longer than the histogram's range; the fixed keep-alive applies.</summary>
    OutOfRange,

    /// <summary>The node keeps every function's containers for the fixed keep-alive (the histogram policy is off).</summary>
    Fixed,

    /// <summary>The histogram does not decide yet, and every idle time seen outlasted the fixed keep-alive: no container is kept until a call comes within it.</summary>
    OutlastFixed,
}
