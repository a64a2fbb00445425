namespace Orleans.Faas.Client;

/// <summary>A node that runs functions: its facts, runtimes, load, status and efficiency scores.</summary>
public sealed record Provider
{
    public string Id { get; init; } = "";

    public ProviderStatus Status { get; init; }

    public bool IsReference { get; init; }

    /// <summary>The silo that hosts it.</summary>
    public string Silo { get; init; } = "";

    public NodeFacts Facts { get; init; } = new();

    /// <summary><c>docker</c>, <c>process</c>: what it can run.</summary>
    public IReadOnlyList<string> Runtimes { get; init; } = [];

    public int Running { get; init; }

    public int Queued { get; init; }

    /// <summary>How many tasks it runs at once.</summary>
    public int Slots { get; init; }

    /// <summary>Idle warm containers on the node, of every function, as of its last load report.</summary>
    public int IdleWarm { get; init; }

    /// <summary>The most tasks that may wait there for a slot before it refuses new work; null until its worker reported it.</summary>
    public int? MaxQueued { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>Null until both it and the reference were measured.</summary>
    public EfficiencyScores? Scores { get; init; }

    /// <summary>Null until it was measured.</summary>
    public ProviderBenchmark? Benchmark { get; init; }

    /// <summary>How the node keeps each function's containers warm that has run there, as of its last load report.</summary>
    public IReadOnlyList<FunctionKeepAlive> KeepAlive { get; init; } = [];
}
