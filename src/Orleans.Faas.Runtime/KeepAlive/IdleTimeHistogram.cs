namespace Orleans.Faas.Runtime.KeepAlive;

/// <summary>The idle times between a function's invocations, in bins of equal width; the longer ones only counted.</summary>
internal sealed class IdleTimeHistogram(TimeSpan binWidth, int bins)
{
    private readonly int[] _counts = new int[bins];

    /// <summary>Idle times within the range.</summary>
    public int InRange { get; private set; }

    /// <summary>Idle times of the range's length or longer.</summary>
    public int OutOfRange { get; private set; }

    public int Total => InRange + OutOfRange;

    public TimeSpan BinWidth => binWidth;

    public void Add(TimeSpan idle)
    {
        var bin = (long)(Math.Max(0, idle.Ticks) / binWidth.Ticks);
        if (bin >= _counts.Length)
        {
            OutOfRange++;
            return;
        }
        _counts[bin]++;
        InRange++;
    }

    /// <summary>The bin holding the <paramref name="percentile"/>th percentile of the idle times in range: the first whose cumulative count reaches it.</summary>
    public int BinOfPercentile(double percentile)
    {
        if (InRange == 0)
            throw new InvalidOperationException("The histogram holds no idle times.");
        var wanted = Math.Max(1, Math.Ceiling(percentile / 100 * InRange));
        var cumulative = 0;
        for (var bin = 0; bin < _counts.Length; bin++)
        {
            cumulative += _counts[bin];
            if (cumulative >= wanted)
                return bin;
        }
        return _counts.Length - 1;
    }

    /// <summary>Idle times in the bins that begin before <paramref name="idle"/>: every one shorter than it, and those of its own bin.</summary>
    public int CountShorterThan(TimeSpan idle)
        => _counts.Take((int)Math.Min(_counts.Length, Math.Ceiling(idle / binWidth))).Sum();

    /// <summary>Standard deviation over mean of the bin counts, every bin counted: high for a few peaks, low for an even spread.</summary>
    public double BinCountCv()
    {
        var mean = (double)InRange / _counts.Length;
        if (mean == 0)
            return 0;
        var variance = _counts.Sum(c => (c - mean) * (c - mean)) / _counts.Length;
        return Math.Sqrt(variance) / mean;
    }
}
