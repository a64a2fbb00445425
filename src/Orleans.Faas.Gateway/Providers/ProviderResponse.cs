using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Gateway.Providers;

/// <param name="IdleWarm">Idle warm containers on the node, of every function, as of its worker's last load report.</param>
/// <param name="MaxQueued">The most tasks that may wait there for a slot before it refuses new work; null until its worker reported it.</param>
/// <param name="Scores">Efficiency against the reference, with its age; null until both it and the reference were measured.</param>
/// <param name="Benchmark">The raw workload times the scores come from; null until it was measured.</param>
/// <param name="KeepAlive">How the node keeps each function's containers warm that has run there, by function name, asked of its worker; empty when it is down or does not answer.</param>
public sealed record ProviderResponse(
    string Id,
    ProviderStatus Status,
    bool IsReference,
    string Silo,
    NodeFacts Facts,
    ImmutableArray<FunctionRuntime> Runtimes,
    int Running,
    int Queued,
    int Slots,
    int IdleWarm,
    int? MaxQueued,
    DateTimeOffset RegisteredAt,
    ScoresResponse? Scores,
    ProviderBenchmark? Benchmark,
    ImmutableArray<KeepAliveResponse> KeepAlive)
{
    public static ProviderResponse From(ProviderSnapshot p, IReadOnlyDictionary<string, KeepAliveDecision> keepAlive, DateTimeOffset now) =>
        new(p.Id, p.Status, p.IsReference, p.Silo, p.Facts, p.Runtimes, p.Load.Running, p.Load.Queued, p.Load.Slots, p.Load.IdleWarm?.Values.Sum() ?? 0, p.Load.MaxQueued, p.RegisteredAt,
            p.Scores is { } s ? ScoresResponse.From(s, now) : null, p.Benchmark,
            [.. keepAlive.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => KeepAliveResponse.From(d.Key, d.Value))]);
}

/// <summary>Reference time / this provider's time per workload (above 1 is faster than the reference), with the spread of its runs.</summary>
/// <param name="CpuSpread">Relative interquartile range of its CPU workload times.</param>
/// <param name="MemorySpread">Relative interquartile range of its memory workload times.</param>
public sealed record ScoresResponse(
    double CpuEfficiency,
    double MemoryEfficiency,
    double CpuSpread,
    double MemorySpread,
    DateTimeOffset MeasuredAt,
    double AgeSeconds,
    string Reference)
{
    public static ScoresResponse From(EfficiencyScores s, DateTimeOffset now) =>
        new(s.CpuEfficiency, s.MemoryEfficiency, s.CpuSpread, s.MemorySpread, s.MeasuredAt, Math.Round((now - s.MeasuredAt).TotalSeconds, 1), s.Reference);
}
