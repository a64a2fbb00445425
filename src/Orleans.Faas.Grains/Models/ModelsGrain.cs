using Orleans.Faas.History;

namespace Orleans.Faas.Models;

[StatelessWorker]
public sealed class ModelsGrain(IModelStore store, IExecutionHistory history) : Grain, IModelsGrain
{
    /// <summary>Newest runs the live error is computed from.</summary>
    private const int LiveErrorRuns = 2000;

    public async Task<ModelsOverview> Overview(int limit)
    {
        var training = GrainFactory.GetGrain<IModelTrainerGrain>(IModelTrainerGrain.ClusterKey).GetStatus();
        var current = await store.GetCurrentVersionAsync(CancellationToken.None);
        var versions = await store.ListAsync(limit, CancellationToken.None);
        var runs = await history.QueryAsync(new ExecutionQuery(null, null, LiveErrorRuns), CancellationToken.None);
        return new ModelsOverview(current, versions, await training, LiveErrors.Of(runs));
    }
}
