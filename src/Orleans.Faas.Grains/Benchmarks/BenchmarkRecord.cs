using System.Collections.Immutable;

namespace Orleans.Faas.Benchmarks;

/// <summary>The persisted state of one benchmark job; <see cref="Request"/> is null until it is started.</summary>
[GenerateSerializer, Alias("faas.BenchmarkRecord")]
public sealed class BenchmarkRecord
{
    /// <summary>What was asked, without its sample inputs (they can be large and are needed only while it runs).</summary>
    [Id(0)]
    public BenchmarkRequest? Request { get; set; }

    [Id(1)]
    public BenchmarkStatus Status { get; set; }

    [Id(2)]
    public int Done { get; set; }

    [Id(3)]
    public int Total { get; set; }

    [Id(4)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(5)]
    public DateTimeOffset? StartedAt { get; set; }

    [Id(6)]
    public DateTimeOffset? FinishedAt { get; set; }

    [Id(7)]
    public string? Host { get; set; }

    [Id(8)]
    public string? Error { get; set; }

    [Id(9)]
    public ImmutableArray<BenchmarkMeasurement> Results { get; set; } = [];

    [Id(10)]
    public string? Callback { get; set; }

    /// <summary>The task running now, so a job taken over after its silo died can stop it.</summary>
    [Id(11)]
    public Guid? CurrentTask { get; set; }

    /// <summary>Every provider and function name the job runs, so its cleanup can remove their warm containers.</summary>
    [Id(12)]
    public ImmutableArray<CleanupTarget> Cleanup { get; set; } = [];

    /// <summary>The result a caller set from outside, JSON; it ended the job as FINISHED.</summary>
    [Id(13)]
    public string? ExternalResult { get; set; }

    public bool IsFinished => Status is BenchmarkStatus.Finished or BenchmarkStatus.Failed;
}

/// <summary>Warm containers of the function named <paramref name="Function"/> the job may have left on <paramref name="Provider"/>.</summary>
[GenerateSerializer, Immutable, Alias("faas.CleanupTarget")]
public sealed record CleanupTarget([property: Id(0)] string Provider, [property: Id(1)] string Function);
