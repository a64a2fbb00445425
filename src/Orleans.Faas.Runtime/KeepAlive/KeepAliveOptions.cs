using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.Runtime.KeepAlive;

/// <summary>
/// The hybrid histogram keep-alive policy of a node (<c>Faas:KeepAlive</c>); the defaults are the paper's where it
/// gives one (1-minute bins over 4 hours, 5th and 99th percentiles, a 10 % margin) and ours elsewhere.
/// </summary>
public sealed class KeepAliveOptions
{
    public const string Section = "Faas:KeepAlive";

    /// <summary>Learn per function; false keeps every container for the warm pool's fixed idle timeout.</summary>
    public bool Histogram { get; set; } = true;

    /// <summary>The width of one bin of the idle-time histogram.</summary>
    public TimeSpan BinWidth { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many bins; with <see cref="BinWidth"/> the longest idle time the histogram holds.</summary>
    [Range(2, 100_000)]
    public int Bins { get; set; } = 240;

    /// <summary>The percentile of idle times the prewarm window comes from.</summary>
    [Range(0, 100)]
    public double HeadPercentile { get; set; } = 5;

    /// <summary>The percentile of idle times the end of the keep-alive window comes from.</summary>
    [Range(0, 100)]
    public double TailPercentile { get; set; } = 99;

    /// <summary>How much earlier the prewarm comes and later the keep-alive ends than the percentiles say, as a fraction.</summary>
    [Range(0, 1)]
    public double Margin { get; set; } = 0.1;

    /// <summary>Idle times needed before the histogram decides (ours: the paper does not say how many).</summary>
    [Range(1, 1_000_000)]
    public int MinIdleTimes { get; set; } = 10;

    /// <summary>
    /// Idle times, every one longer than the fixed keep-alive, after which a function the histogram does not decide
    /// for keeps no container (ours): fewer say too little, as calls that come now and then within the window may
    /// simply not have come yet.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MinOutlasting { get; set; } = 3;

    /// <summary>The least coefficient of variation of the bin counts of a representative histogram: below it the idle times are too evenly spread.</summary>
    [Range(0, 1000)]
    public double MinBinCv { get; set; } = 2;

    /// <summary>The largest share of idle times beyond the histogram's range it may have and still decide.</summary>
    [Range(0, 1)]
    public double MaxOutOfRangeShare { get; set; } = 0.5;

    /// <summary>The longest idle time the histogram holds.</summary>
    public TimeSpan Range => BinWidth * Bins;
}
