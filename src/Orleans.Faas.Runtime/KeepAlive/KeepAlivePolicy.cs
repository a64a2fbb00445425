using Orleans.Faas.Providers;

namespace Orleans.Faas.Runtime.KeepAlive;

/// <summary>
/// The hybrid histogram policy of Shahrad et al., "Serverless in the Wild" (ATC 2020), as docs/concepts/keep-alive.md
/// reads it: prewarm at the head percentile of the idle times, keep warm until their tail percentile, each widened by
/// the margin; the fixed keep-alive when the histogram is not representative, unless enough idle times seen all outlasted it.
/// </summary>
internal static class KeepAlivePolicy
{
    public static KeepAliveDecision Decide(IdleTimeHistogram histogram, KeepAliveOptions options, TimeSpan fixedKeepAlive)
    {
        if (!options.Histogram)
            return new(fixedKeepAlive, TimeSpan.Zero, KeepAliveBasis.Fixed, histogram.Total);
        if (histogram.Total < options.MinIdleTimes)
            return Fallback(KeepAliveBasis.TooFewIdleTimes);
        if (histogram.InRange == 0 || (double)histogram.OutOfRange / histogram.Total > options.MaxOutOfRangeShare)
            return Fallback(KeepAliveBasis.OutOfRange);
        if (histogram.BinCountCv() < options.MinBinCv)
            return Fallback(KeepAliveBasis.Flat);

        // The head bin's start and the tail bin's end, so that both windows cover the whole of the bins they name.
        var head = histogram.BinWidth * histogram.BinOfPercentile(options.HeadPercentile);
        var tail = histogram.BinWidth * (histogram.BinOfPercentile(options.TailPercentile) + 1);
        var prewarm = head * (1 - options.Margin);
        return new KeepAliveDecision(tail * (1 + options.Margin) - prewarm, prewarm, KeepAliveBasis.Histogram, histogram.Total);

        // A fixed window that no call has come within, in enough idle times, only ever ends in a cold start: nothing is
        // kept until one does.
        KeepAliveDecision Fallback(KeepAliveBasis basis) => histogram.Total >= options.MinOutlasting && histogram.CountShorterThan(fixedKeepAlive) == 0
            ? new(TimeSpan.Zero, TimeSpan.Zero, KeepAliveBasis.OutlastFixed, histogram.Total)
            : new(fixedKeepAlive, TimeSpan.Zero, basis, histogram.Total);
    }

    /// <summary>
    /// How long a container back from a run is kept idle, with <paramref name="idleAlready"/> of its version idle before
    /// it: the decision's keep-alive. A histogram says when the next call comes, not how many come together, and so does
    /// the fixed window the policy falls back to while it has not learned the function; so past the first idle container
    /// (one left by calls that overlapped) it keeps one for a bin only, as long as calls that came together take (ours:
    /// the paper's policy keeps one instance per application). The fixed keep-alive (the policy off) keeps each alike.
    /// </summary>
    public static TimeSpan KeepFor(KeepAliveDecision decision, int idleAlready, KeepAliveOptions options) =>
        decision.Basis != KeepAliveBasis.Fixed && idleAlready > 0 && options.BinWidth < decision.KeepAlive ? options.BinWidth : decision.KeepAlive;
}
