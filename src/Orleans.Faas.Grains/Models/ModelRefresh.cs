using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Orleans.Faas.Models;

/// <summary>
/// Loads the current model when the silo starts, so a restarted silo predicts at once, then looks for a newly promoted
/// one every <see cref="ModelOptions.RefreshInterval"/>. It also keeps the cluster's trainer awake.
/// </summary>
public sealed partial class ModelRefresh(
    RuntimeModels models,
    IGrainFactory grains,
    IOptions<ModelOptions> options,
    TimeProvider clock,
    ILogger<ModelRefresh> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _refreshing = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ModelRefresh), ServiceLifecycleStage.Active, Start, Stop);

    private async Task Start(CancellationToken cancellationToken)
    {
        await Refresh();
        _refreshing = RefreshPeriodically();
    }

    private async Task Stop(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _refreshing;
        _stopping.Dispose();
    }

    private async Task RefreshPeriodically()
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
                await Refresh();
        }
        catch (OperationCanceledException)
        {
            // The silo is stopping.
        }
    }

    private async Task Refresh()
    {
        try
        {
            await models.RefreshAsync(_stopping.Token);
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
