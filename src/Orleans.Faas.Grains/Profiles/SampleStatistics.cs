namespace Orleans.Faas.Profiles;

/// <summary>Medians and quartiles of run samples, the robust summary every benchmark and profile keeps.</summary>
public static class SampleStatistics
{
    /// <summary>The <paramref name="q"/>-quantile of <paramref name="sorted"/> by linear interpolation between closest ranks.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0)
            throw new ArgumentException("No values to take a quantile of.", nameof(sorted));
        var position = q * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return Quantile(sorted, 0.5);
    }

    /// <summary>Summarises at least one sample; a figure no sample measured stays null.</summary>
    public static RunStatistics Summarise(IReadOnlyCollection<ExecutionSample> samples)
    {
        var walls = samples.Select(s => s.WallMs).Order().ToList();
        var median = Quantile(walls, 0.5);
        var q1 = Quantile(walls, 0.25);
        var q3 = Quantile(walls, 0.75);
        return new RunStatistics(
            median,
            q1,
            q3,
            median > 0 ? (q3 - q1) / median : 0,
            samples.Count,
            MedianOf(samples.Select(s => s.CpuMs)),
            MedianOf(samples.Select(s => (double?)s.PeakMemoryBytes)),
            MedianOf(samples.Select(s => (double?)s.ReadBytes)),
            MedianOf(samples.Select(s => (double?)s.WriteBytes)),
            MedianOf(samples.Select(s => (double?)s.LlcReferences)),
            MedianOf(samples.Select(s => (double?)s.LlcMisses)));
    }

    private static double? MedianOf(IEnumerable<double?> values)
    {
        var measured = values.OfType<double>().ToList();
        return measured.Count == 0 ? null : Median(measured);
    }
}
