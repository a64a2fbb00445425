namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>Arrival times, in milliseconds from the start, of a pattern at a mean rate; the same seed gives the same times.</summary>
public static class ArrivalTimes
{
    private const double BurstRate = 3;
    private const double CalmRate = 0.5;
    private const double BurstMs = 15_000;
    private const double CalmMs = 60_000;

    public static double[] Generate(ArrivalPattern pattern, int count, double perSecond, Random random)
    {
        var times = new double[count];
        var at = 0.0;
        var bursting = false;
        var switchAt = pattern == ArrivalPattern.Bursty ? Exponential(random, CalmMs) : double.PositiveInfinity;
        for (var i = 0; i < count; i++)
        {
            var rate = pattern == ArrivalPattern.Poisson ? perSecond : perSecond * (bursting ? BurstRate : CalmRate);
            var next = at + Exponential(random, 1000 / rate);
            // Exponential gaps are memoryless, so a gap crossing a switch is drawn again from the switch at the new rate.
            if (next > switchAt)
            {
                at = switchAt;
                bursting = !bursting;
                switchAt = at + Exponential(random, bursting ? BurstMs : CalmMs);
                i--;
                continue;
            }
            times[i] = at = next;
        }
        return times;
    }

    /// <summary>An exponential draw of the given mean; 1 − U keeps the logarithm finite.</summary>
    private static double Exponential(Random random, double mean) => -Math.Log(1 - random.NextDouble()) * mean;
}
