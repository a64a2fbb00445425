using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.Faas.Silo.Hosting;

/// <summary>
/// Grain state of embedded mode: serialized, in this process, and gone once cleared. Orleans' memory storage keeps the
/// key of every cleared record for good (to tell a deleted record from one never written), which a silo that deletes
/// every finished task cannot afford. One silo holds one activation per grain, so no two writers race for a record.
/// </summary>
public sealed class InProcessGrainStorage(Serializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string StateName, GrainId Grain), (byte[] State, string ETag)> _records = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_records.TryGetValue((stateName, grainId), out var record))
        {
            grainState.State = serializer.Deserialize<T>(record.State);
            grainState.ETag = record.ETag;
            grainState.RecordExists = true;
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var etag = Guid.NewGuid().ToString("N");
        _records[(stateName, grainId)] = (serializer.SerializeToArray(grainState.State), etag);
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _records.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
