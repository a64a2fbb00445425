namespace Orleans.Faas.Models;

/// <summary>
/// The cluster's one trainer (key <see cref="ClusterKey"/>): trains a new model in the background when enough new runs
/// are in the history, or when asked, and promotes it only when it cross-validates better.
/// </summary>
[Alias("faas.IModelTrainerGrain")]
public interface IModelTrainerGrain : IGrainWithStringKey
{
    public const string ClusterKey = "cluster";

    /// <summary>Starts a training now unless one is running; returns at once.</summary>
    [Alias("Train")]
    Task<TrainingStatus> Train();

    [AlwaysInterleave, Alias("GetStatus")]
    Task<TrainingStatus> GetStatus();
}
