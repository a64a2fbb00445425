using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Faas.Hosting;

namespace Orleans.Faas.Models;

/// <summary>
/// Loads the current model when the silo starts, so a restarted silo predicts at once, then looks for a newly promoted
/// one every <see cref="ModelOptions.RefreshInterval"/>. It also keeps the cluster's trainer awake.
/// </summary>
public sealed partial class ModelRefresh(RuntimeModels models, IGrainFactory grains, IOptions<ModelOptions> options, ILogger<ModelRefresh> logger)
{
    public PeriodicSiloWork Schedule(TimeProvider clock) => new(nameof(ModelRefresh), options.Value.RefreshInterval, clock, Refresh);

    private async Task Refresh(CancellationToken stopping)
    {
        try
        {
            await models.RefreshAsync(stopping);
            if (options.Value.AutoTrain)
                await grains.GetGrain<IModelTrainerGrain>(IModelTrainerGrain.ClusterKey).GetStatus();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRefreshFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Models: the current model could not be looked up; trying again later")]
    private partial void LogRefreshFailed(Exception exception);
}
