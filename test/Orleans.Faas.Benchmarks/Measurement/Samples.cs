namespace Orleans.Faas.Benchmarks.Measurement;

/// <summary>Timings of one scenario and the statistics a table row shows.</summary>
public sealed class Samples(string scenario)
{
    private readonly List<double> _milliseconds = [];

    public string Scenario { get; } = scenario;

    public int Count => _milliseconds.Count;

    public double Median => Percentile(50);

    public double Mean => _milliseconds.Average();

    public double P90 => Percentile(90);

    public double Min => _milliseconds.Min();

    public double Max => _milliseconds.Max();

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    public void Add(double milliseconds) => _milliseconds.Add(milliseconds);

    /// <summary>Nearest-rank percentile.</summary>
    public double Percentile(double percent)
    {
        var sorted = _milliseconds.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
