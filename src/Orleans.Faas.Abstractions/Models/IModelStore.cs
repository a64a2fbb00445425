using System.Collections.Immutable;

namespace Orleans.Faas.Models;

/// <summary>
/// Every trained model version of the cluster and which one is current, so that a silo that starts predicts with
/// the current model at once. In cluster mode every silo reads the same store.
/// </summary>
public interface IModelStore
{
    /// <summary>Stores a newly trained model under the next version number and, when it was promoted, makes it current.</summary>
    /// <param name="info">Its <see cref="ModelVersionInfo.Version"/> is ignored: the store assigns the next one.</param>
    /// <returns>The info as stored, with its version.</returns>
    Task<ModelVersionInfo> AddAsync(ModelVersionInfo info, byte[] bytes, CancellationToken cancellationToken);

    /// <summary>The current model with its bytes; null before any model was promoted.</summary>
    Task<StoredModel?> GetCurrentAsync(CancellationToken cancellationToken);

    /// <summary>The current version only, cheap enough to poll; null before any model was promoted.</summary>
    Task<int?> GetCurrentVersionAsync(CancellationToken cancellationToken);

    /// <summary>The latest versions, newest first, without their bytes.</summary>
    Task<ImmutableArray<ModelVersionInfo>> ListAsync(int limit, CancellationToken cancellationToken);
}
