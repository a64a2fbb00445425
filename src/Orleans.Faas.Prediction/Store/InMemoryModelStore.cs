using System.Collections.Immutable;
using Orleans.Faas.Models;

namespace Orleans.Faas.Prediction.Store;

/// <summary>
/// The model store of embedded mode, in this process's memory and gone when it stops: the current model with its
/// bytes, and what the newest <see cref="KeptVersions"/> versions were, so that a silo that trains for months does
/// not keep every model it ever trained.
/// </summary>
public sealed class InMemoryModelStore : IModelStore
{
    /// <summary>The versions listed; as many as the gateway lists at most.</summary>
    public const int KeptVersions = 1000;

    private readonly Lock _lock = new();
    // Newest last.
    private readonly Queue<ModelVersionInfo> _versions = new();
    private int _lastVersion;
    private StoredModel? _current;

    public Task<ModelVersionInfo> AddAsync(ModelVersionInfo info, byte[] bytes, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var stored = info with { Version = ++_lastVersion };
            _versions.Enqueue(stored);
            if (_versions.Count > KeptVersions)
                _versions.Dequeue();
            if (info.Promoted)
                _current = new StoredModel(stored, bytes);
            return Task.FromResult(stored);
        }
    }

    public Task<StoredModel?> GetCurrentAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
            return Task.FromResult(_current);
    }

    public Task<int?> GetCurrentVersionAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
            return Task.FromResult(_current?.Info.Version);
    }

    public Task<ImmutableArray<ModelVersionInfo>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
            return Task.FromResult(_versions.Reverse().Take(limit).ToImmutableArray());
    }
}
