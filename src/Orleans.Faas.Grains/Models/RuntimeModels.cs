using Microsoft.Extensions.Logging;
using Orleans.Faas.Prediction;
using Orleans.Faas.Prediction.Linear;
using Orleans.Faas.Prediction.Store;

namespace Orleans.Faas.Models;

/// <summary>
/// The models this silo predicts with: the current trained one from the store, else the linear efficiency model,
/// which is also every decision's baseline and cheap first pass.
/// </summary>
public sealed partial class RuntimeModels(IModelStore store, ILogger<RuntimeModels> logger)
{
    private volatile Loaded? _current;

    public LinearEfficiencyModel Linear => LinearEfficiencyModel.Instance;

    /// <summary>The trained model when one was promoted, else <see cref="Linear"/>.</summary>
    public IRuntimeModel Current => _current?.Model ?? Linear;

    /// <summary>What the store says of the current trained model; null while the linear model answers.</summary>
    public ModelVersionInfo? CurrentInfo => _current?.Info;

    /// <summary>Loads the store's current model when it is not the one in use.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var version = await store.GetCurrentVersionAsync(cancellationToken);
        if (version is null || version == _current?.Info.Version)
            return;
        if (await store.GetCurrentAsync(cancellationToken) is not { } stored)
            return;
        _current = new Loaded(stored.Info, stored.ToRuntimeModel());
        LogLoaded(stored.Info.Version, stored.Info.Metrics.Mape, stored.Info.TrainingRows);
    }

    private sealed record Loaded(ModelVersionInfo Info, IRuntimeModel Model);

    [LoggerMessage(Level = LogLevel.Information, Message = "Predicting with model version {Version} (cross-validated MAPE {Mape:P1}, {Rows} training rows)")]
    private partial void LogLoaded(int version, double mape, int rows);
}
