namespace Orleans.Faas.Benchmarks.KeepAlive;

/// <summary>The inter-arrival shapes "Serverless in the Wild" reports functions to have, a quarter of the functions each.</summary>
public enum ArrivalShape
{
    /// <summary>A timer: a fixed period of 1 to 60 minutes, with a few percent of jitter.</summary>
    Periodic,

    /// <summary>Bursts of a few calls seconds apart, the bursts exponentially 20 to 90 minutes apart.</summary>
    Bursty,

    /// <summary>Poisson, on average once every 1 to 3 hours.</summary>
    Rare,

    /// <summary>Pareto inter-arrival times (shape 1.5, at least 1 to 3 minutes): mostly short, now and then very long.</summary>
    HeavyTailed,
}

/// <summary>One call of the trace, at a time in trace minutes.</summary>
public readonly record struct TraceCall(double Minute, int Function);

/// <summary>A seeded synthetic invocation trace: which function is called when, in trace minutes.</summary>
public sealed class SyntheticTrace
{
    private SyntheticTrace(IReadOnlyList<ArrivalShape> shapes, IReadOnlyList<TraceCall> calls)
    {
        Shapes = shapes;
        Calls = calls;
    }

    /// <summary>The shape of each function, by its index.</summary>
    public IReadOnlyList<ArrivalShape> Shapes { get; }

    /// <summary>Every call, in time order.</summary>
    public IReadOnlyList<TraceCall> Calls { get; }

    public static SyntheticTrace Generate(int functions, double minutes, int seed)
    {
        var random = new Random(seed);
        var shapes = Enumerable.Range(0, functions).Select(i => (ArrivalShape)(i % 4)).ToList();
        var calls = new List<TraceCall>();
        for (var function = 0; function < functions; function++)
        {
            var next = Gaps(shapes[function], random);
            // A random phase, so that the functions do not all start together.
            for (var at = random.NextDouble() * next(); at < minutes; at += next())
                calls.Add(new TraceCall(at, function));
        }
        calls.Sort((a, b) => a.Minute.CompareTo(b.Minute));
        return new SyntheticTrace(shapes, calls);
    }

    /// <summary>The gaps between one function's calls, in minutes, drawn from its shape with its parameters fixed once.</summary>
    private static Func<double> Gaps(ArrivalShape shape, Random random)
    {
        switch (shape)
        {
            case ArrivalShape.Periodic:
                var period = new[] { 1.0, 2, 5, 10, 15, 30, 60 }[random.Next(7)];
                return () => period * (1 + (random.NextDouble() - 0.5) * 0.04);
            case ArrivalShape.Bursty:
                var burst = random.Next(3, 9);
                var apart = 20 + random.NextDouble() * 70;
                var left = 0;
                return () =>
                {
                    if (left-- > 0)
                        return (1 + random.NextDouble() * 4) / 60;
                    left = burst - 1;
                    return Exponential(random, apart);
                };
            case ArrivalShape.Rare:
                var mean = 60 + random.NextDouble() * 120;
                return () => Exponential(random, mean);
            default:
                var least = 1 + random.NextDouble() * 2;
                return () => least / Math.Pow(1 - random.NextDouble(), 1 / 1.5);
        }
    }

    private static double Exponential(Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());
}
