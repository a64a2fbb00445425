using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.HttpModel.Functions;
using Orleans.Faas.Models;
using Orleans.Faas.Predictions;
using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling.View;

namespace Orleans.Faas.Scheduling;

/// <summary>Asks this silo's provider view and model where an invocation would finish first, as placement would.</summary>
[StatelessWorker]
public sealed class PredictionGrain(ProviderView view, IProviderViewRefresh feed, FinishEstimator estimator, RuntimeModels models) : Grain, IPredictionGrain
{
    public async Task<PredictionReport> Predict(string function, long inputSize, ImmutableDictionary<string, double>? features = null)
    {
        var grain = GrainFactory.GetGrain<IFunctionGrain>(function);
        var latest = await grain.GetLatest() ?? throw new FunctionNotFoundException(function);
        DeclaredFeatureRules.Check(latest.Definition, features);
        var request = new PlacementRequest(latest, inputSize, await grain.Estimate(inputSize), features);
        if (view.Count == 0)
            await feed.Refresh();

        var requires = latest.Definition.Placement?.Requires ?? ImmutableDictionary<string, string>.Empty;
        var predictions = view.Providers.Select(p => Predict(request, p, requires))
            .OrderByDescending(p => p.Fits)
            .ThenBy(p => p.ExpectedFinishMs)
            .ThenBy(p => p.Provider, StringComparer.Ordinal);
        var model = models.Current;
        return new PredictionReport(function, inputSize, model.Version, model.Kind, models.CurrentInfo?.Metrics, request.Profile is not null, [.. predictions],
            features ?? ImmutableDictionary<string, double>.Empty);
    }

    private ProviderPrediction Predict(PlacementRequest request, ProviderSnapshot provider, ImmutableDictionary<string, string> requires)
    {
        var estimate = estimator.Estimate(request, provider);
        ImmutableArray<string> unmet =
        [
            .. provider.Status == ProviderStatus.Ready ? [] : new[] { $"status {provider.Status.ToString().ToUpperInvariant()}" },
            .. provider.Runtimes.Contains(request.Definition.Runtime) ? [] : new[] { $"no {request.Definition.Runtime.ToString().ToLowerInvariant()} runtime" },
            .. LabelConstraints.Unmet(provider, requires),
        ];
        return new ProviderPrediction(provider.Id, provider.Status, estimate.PredictedMs, estimate.WaitMs, estimate.ColdStartMs, estimate.FinishMs, unmet.IsEmpty, unmet,
            estimate.Correction, estimate.RuntimeMs, Math.Exp(estimate.LogSpread ?? FinishEstimator.UnknownLogSpread));
    }
}
