using Microsoft.Extensions.Options;
using Orleans.Faas.Functions;
using Orleans.Faas.Models;
using Orleans.Faas.Prediction;
using Orleans.Faas.Prediction.Features;
using Orleans.Faas.Prediction.Linear;
using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling.View;

namespace Orleans.Faas.Scheduling;

/// <summary>
/// Expected finish of a task on a provider: the work ahead of it there over the provider's slots, plus its predicted
/// run time there, plus a cold start when no container of its version is idle there.
/// </summary>
/// <param name="corrections">This silo's live corrections of the model's run times; null predicts with the model alone.</param>
public sealed class FinishEstimator(RuntimeModels models, IOptions<SchedulingOptions> options, PredictionCorrections? corrections = null)
{
    /// <summary>
    /// The log spread of a run time nothing has measured the error of (an unprofiled function, a model before any
    /// training compared it): within a factor of e^0.5 ≈ 1.65 either way about two runs in three.
    /// </summary>
    public const double UnknownLogSpread = 0.5;

    /// <summary>With the current model, falling back to the linear one where it cannot predict.</summary>
    public FinishEstimate Estimate(PlacementRequest request, ProviderSnapshot provider)
    {
        var definition = request.Definition;
        var load = provider.Load;
        var figures = ProviderFigures.Of(provider);
        var cold = IsCold(request, figures);
        var features = RuntimeFeatures.Build(request.Profile?.Stats, request.InputSize, definition.Runtime, new ProviderFeatures(
            provider.Scores?.CpuEfficiency,
            provider.Scores?.MemoryEfficiency,
            CpuQuota(definition, provider.Facts),
            provider.Facts.LlcBytes,
            provider.Facts.MemoryBytes,
            // What it will share the node with when it starts: a free slot, or all of them busy.
            Math.Min(load.Running + load.Queued, Math.Max(0, load.Slots - 1)),
            Math.Max(0, load.Running + load.Queued - load.Slots),
            cold), request.DeclaredSlots);

        var linear = Finite(models.Linear.PredictMs(features));
        var model = models.Current;
        if (Finite(model.PredictMs(features)) is { } own)
            return Finish(figures, own, linear, cold, model, Correction(definition, provider, model), Spread(definition, provider, model));
        return linear is null
            ? Finish(figures, null, null, cold, null, logSpread: UnknownLogSpread)
            : Finish(figures, linear, linear, cold, models.Linear, Correction(definition, provider, models.Linear), Spread(definition, provider, models.Linear));
    }

    /// <summary>
    /// With the linear efficiency model only, straight from the profile and the scores: cheap enough, and free of
    /// allocations, for every provider of a large cluster; from the figures the view keeps of each provider.
    /// </summary>
    public FinishEstimate EstimateLinear(PlacementRequest request, in ProviderFigures provider)
    {
        var stats = request.Profile?.Stats;
        var linear = stats is null
            ? null
            : Finite(LinearEfficiencyModel.PredictMs(stats.WallMs, stats.CpuMs ?? double.NaN,
                provider.CpuEfficiency ?? double.NaN, provider.MemoryEfficiency ?? double.NaN));
        return Finish(provider, linear, linear, IsCold(request, provider), linear is null ? null : models.Linear);
    }

    /// <summary>
    /// A floor on <see cref="EstimateLinear"/>'s run time, and so on the finish, of every provider of a
    /// <see cref="ProviderBlock.Bounded"/> block: each operation of the estimate only grows as the efficiencies shrink,
    /// in floating point too, so none of them comes in under what the block's best efficiencies give.
    /// </summary>
    public double LinearRuntimeFloor(PlacementRequest request, in ProviderBlock block)
    {
        var unprofiled = options.Value.UnprofiledRuntime.TotalMilliseconds / block.BestCpuEfficiency;
        var stats = request.Profile?.Stats;
        // Where the linear model overflows for a slow provider, that one falls back to the unprofiled run time.
        return stats is not null && Finite(LinearEfficiencyModel.PredictMs(stats.WallMs, stats.CpuMs ?? double.NaN, block.BestCpuEfficiency, block.BestMemoryEfficiency)) is { } linear
            ? Math.Min(linear, unprofiled)
            : unprofiled;
    }

    private FinishEstimate Finish(in ProviderFigures provider, double? predicted, double? linear, bool cold, IRuntimeModel? model, double correction = 1, double? logSpread = null)
    {
        var runtime = predicted * correction ?? options.Value.UnprofiledRuntime.TotalMilliseconds / (provider.CpuEfficiency ?? 1);
        var coldStart = cold ? provider.ColdStartMs ?? options.Value.ColdStartEstimate.TotalMilliseconds : 0;
        return new FinishEstimate(predicted, linear, runtime, provider.WaitMs, coldStart, model?.Version, model?.Kind, correction, logSpread);
    }

    /// <summary>The live correction of the model's run time of the function there; 1 without one.</summary>
    private double Correction(FunctionDefinition definition, ProviderSnapshot provider, IRuntimeModel model) =>
        corrections?.Factor(definition.Name, provider.Id, model.Version) ?? 1;

    /// <summary>The spread of the corrected run time of the function there, from its recent runs and the model's own error.</summary>
    private double Spread(FunctionDefinition definition, ProviderSnapshot provider, IRuntimeModel model)
    {
        var prior = ModelLogSpread(model);
        return corrections?.Spread(definition.Name, provider.Id, model.Version, prior) ?? prior;
    }

    /// <summary>
    /// The model's cross-validated error as a log spread: for log errors normal with spread σ, the mean absolute
    /// percentage error is about σ·√(2/π).
    /// </summary>
    private double ModelLogSpread(IRuntimeModel model)
    {
        var info = models.CurrentInfo;
        var metrics = model.Version == 0 ? info?.Linear : model.Version == info?.Version ? info.Metrics : null;
        return metrics is { Mape: > 0 } ? metrics.Mape * Math.Sqrt(Math.PI / 2) : UnknownLogSpread;
    }

    /// <summary>A container run starts cold unless a container of its very version is idle there and may be reused.</summary>
    private static bool IsCold(PlacementRequest request, in ProviderFigures provider) =>
        request.Definition.Runtime == FunctionRuntime.Docker && (!request.Definition.KeepWarm || provider.IdleWarmOf(request.WarmKey) == 0);

    /// <summary>The cores a run of the function gets there: its own request (else the node's cores), never above the node's cap.</summary>
    private static double CpuQuota(FunctionDefinition definition, NodeFacts facts) =>
        Math.Min(definition.Cpu > 0 ? definition.Cpu : facts.Cores, facts.CpuCap ?? double.PositiveInfinity);

    private static double? Finite(double value) => double.IsFinite(value) && value > 0 ? value : null;
}
