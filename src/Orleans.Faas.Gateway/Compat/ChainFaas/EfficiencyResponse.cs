using System.Text.Json.Serialization;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Gateway.Compat.ChainFaas;

/// <summary>
/// A provider's efficiency against the reference, under the names ChainFaaS kept it by (<c>cpu_efficiency_score</c>,
/// <c>memory_efficiency_score</c>: reference time over provider time, so above 1 is faster), with its <c>State</c>.
/// </summary>
public sealed record EfficiencyResponse(
    [property: JsonPropertyName("State")] string State,
    [property: JsonPropertyName("provider_id")] string ProviderId,
    [property: JsonPropertyName("cpu_efficiency_score")] double CpuEfficiencyScore,
    [property: JsonPropertyName("memory_efficiency_score")] double MemoryEfficiencyScore,
    [property: JsonPropertyName("reference_provider_id")] string ReferenceProviderId,
    [property: JsonPropertyName("measured_at")] DateTimeOffset MeasuredAt,
    [property: JsonPropertyName("age_seconds")] double AgeSeconds)
{
    public static EfficiencyResponse From(string provider, EfficiencyScores scores, DateTimeOffset now) => new(
        "Efficiency scores against the reference provider", provider, scores.CpuEfficiency, scores.MemoryEfficiency, scores.Reference,
        scores.MeasuredAt, Math.Max(0, (now - scores.MeasuredAt).TotalSeconds));
}

/// <summary>A benchmark job started for the call: what it does, and where to follow it.</summary>
public sealed record BenchmarkStarted(
    [property: JsonPropertyName("State")] string State,
    [property: JsonPropertyName("benchmark_id")] Guid BenchmarkId,
    [property: JsonPropertyName("status_url")] string StatusUrl);

/// <summary>The benchmark slot is busy: ask again in about <paramref name="Wait"/> seconds (also Retry-After).</summary>
public sealed record SlotWait([property: JsonPropertyName("wait")] double Wait);
