using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.Runtime.Docker;

/// <summary>How many finished containers a node keeps per function version, and for how long (<c>Faas:WarmPool</c>).</summary>
public sealed class WarmPoolOptions
{
    public const string Section = "Faas:WarmPool";

    /// <summary>Idle containers kept per function version; 0 gives every run a fresh container.</summary>
    [Range(0, 1024)]
    public int MaxIdlePerFunction { get; set; } = 4;

    /// <summary>An idle container unused this long is removed, so a quiet function scales to zero.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
