using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.Runtime.Docker;

/// <summary>How many finished containers a node keeps, per function version and in all, and for how long (<c>Faas:WarmPool</c>).</summary>
public sealed class WarmPoolOptions
{
    public const string Section = "Faas:WarmPool";

    /// <summary>Idle containers kept per function version; 0 gives every run a fresh container.</summary>
    [Range(0, 1024)]
    public int MaxIdlePerFunction { get; set; } = 4;

    /// <summary>
    /// An idle container unused this long is removed, so a quiet function scales to zero: the fixed keep-alive, which
    /// the keep-alive policy (<c>Faas:KeepAlive</c>) replaces for a function whose idle times it has learned.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The node's budget of idle containers, of every function: a container past it is removed instead of kept.</summary>
    [Range(0, 100_000)]
    public int MaxIdleOnNode { get; set; } = 64;

    /// <summary>The share of the node's memory the memory limits of its idle containers may add up to.</summary>
    [Range(0, 1)]
    public double MaxIdleMemoryShare { get; set; } = 0.5;
}
