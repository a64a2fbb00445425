using Orleans.Faas.Profiles;

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

    /// <summary>The platform's own quantile (<see cref="SampleStatistics.Quantile"/>), so a benchmark's median is a profile's.</summary>
    public double Percentile(double percent) => SampleStatistics.Quantile(_milliseconds.Order().ToList(), percent / 100);
}
