namespace Orleans.Faas.Client;

/// <summary>A benchmark job: what it runs, how far it got, and its results.</summary>
public sealed record BenchmarkJob
{
    public Guid Id { get; init; }

    public BenchmarkJobRequest Request { get; init; } = new();

    public BenchmarkStatus Status { get; init; }

    /// <summary>Runs done of <see cref="Total"/>.</summary>
    public int Done { get; init; }

    public int Total { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The silo it runs on.</summary>
    public string? Host { get; init; }

    public string? Error { get; init; }

    public IReadOnlyList<BenchmarkMeasurement> Results { get; init; } = [];

    /// <summary>How delivering the callback went, when there was one.</summary>
    public string? Callback { get; init; }

    public bool IsFinished { get; init; }
}
