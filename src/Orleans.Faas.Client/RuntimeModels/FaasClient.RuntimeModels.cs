namespace Orleans.Faas.Client;

public partial class FaasClient
{
    /// <summary>The runtime models, with the <paramref name="limit"/> most recent versions (20 when null).</summary>
    public virtual Task<ModelsOverview> GetModelsAsync(int? limit = null, CancellationToken cancellationToken = default) =>
        Pipeline.GetJson<ModelsOverview>(RequestPath.With("v1/models", ("limit", limit)), cancellationToken);

    /// <summary>Trains a new model from the execution history now, unless one is training; it is promoted only if it cross-validates better.</summary>
    public virtual Task<TrainingStatus> StartTrainingAsync(CancellationToken cancellationToken = default) =>
        Pipeline.PostJson<TrainingStatus>("v1/models/training", null, cancellationToken);
}
