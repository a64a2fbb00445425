namespace Orleans.Faas.Benchmarks.Placement;

/// <summary>
/// Poisson arrivals at a steady rate, each of a kind drawn uniformly from the mix: generated once from a seed, so
/// every policy is given exactly the same tasks at exactly the same moments.
/// </summary>
public static class ArrivalSequence
{
    public static IReadOnlyList<Arrival> Generate(int seed, int count, double perSecond, IReadOnlyList<TaskKind> kinds)
    {
        var random = new Random(seed);
        var arrivals = new List<Arrival>(count);
        var at = 0.0;
        for (var i = 0; i < count; i++)
        {
            arrivals.Add(new Arrival(i, TimeSpan.FromSeconds(at), kinds[random.Next(kinds.Count)]));
            // Exponential gaps make a Poisson process; 1 − U keeps the logarithm finite.
            at += -Math.Log(1 - random.NextDouble()) / perSecond;
        }
        return arrivals;
    }
}
