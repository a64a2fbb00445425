using System.Collections.Immutable;
using Orleans.Faas.Models;

namespace Orleans.Faas.Prediction.Store;

/// <summary>The model store of embedded mode: every version in this process's memory, gone when it stops.</summary>
public sealed class InMemoryModelStore : IModelStore
{
    private readonly Lock _lock = new();
    private readonly List<StoredModel> _models = [];
    private StoredModel? _current;

    public Task<ModelVersionInfo> AddAsync(ModelVersionInfo info, byte[] bytes, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var stored = new StoredModel(info with { Version = _models.Count + 1 }, bytes);
            _models.Add(stored);
            if (info.Promoted)
                _current = stored;
            return Task.FromResult(stored.Info);
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
            return Task.FromResult(_models.AsEnumerable().Reverse().Take(limit).Select(m => m.Info).ToImmutableArray());
    }
}
