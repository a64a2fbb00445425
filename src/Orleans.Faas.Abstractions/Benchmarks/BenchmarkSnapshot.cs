using System.Collections.Immutable;

namespace Orleans.Faas.Benchmarks;

/// <summary>A benchmark job as callers see it.</summary>
/// <param name="Done">Runs finished so far, of <paramref name="Total"/> planned.</param>
/// <param name="Host">The silo the job runs on, while it runs.</param>
/// <param name="Callback">What became of the POST to the callback URL: null before it is tried, then <c>delivered</c> or why not.</param>
/// <param name="ExternalResult">The result a caller set from outside (JSON), which ended the job; null when it ended by itself.</param>
[GenerateSerializer, Immutable, Alias("faas.BenchmarkSnapshot")]
public sealed record BenchmarkSnapshot(
    [property: Id(0)] Guid Id,
    [property: Id(1)] BenchmarkRequest Request,
    [property: Id(2)] BenchmarkStatus Status,
    [property: Id(3)] int Done,
    [property: Id(4)] int Total,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset? StartedAt,
    [property: Id(7)] DateTimeOffset? FinishedAt,
    [property: Id(8)] string? Host,
    [property: Id(9)] string? Error,
    [property: Id(10)] ImmutableArray<BenchmarkMeasurement> Results,
    [property: Id(11)] string? Callback,
    [property: Id(12)] string? ExternalResult = null)
{
    public bool IsFinished => Status is BenchmarkStatus.Finished or BenchmarkStatus.Failed;
}
