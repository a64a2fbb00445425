using System.Collections.Immutable;
using Orleans.Faas.Models;

namespace Orleans.Faas.Predictions;

/// <summary>The profiler's question answered: where would this invocation finish first? Every provider, best first.</summary>
/// <param name="ModelVersion">The model that answered: 0 for the linear efficiency model.</param>
/// <param name="ModelMetrics">Its cross-validated error; null for the linear model before any training compared it.</param>
/// <param name="Features">The declared features' values it predicted for; empty when none were given.</param>
[GenerateSerializer, Immutable, Alias("faas.PredictionReport")]
public sealed record PredictionReport(
    [property: Id(0)] string Function,
    [property: Id(1)] long InputSize,
    [property: Id(2)] int ModelVersion,
    [property: Id(3)] string ModelKind,
    [property: Id(4)] ModelMetrics? ModelMetrics,
    [property: Id(5)] bool Profiled,
    [property: Id(6)] ImmutableArray<ProviderPrediction> Providers,
    [property: Id(7)] ImmutableDictionary<string, double>? Features = null);
