using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.Faas.Tests.Cluster;

/// <summary>
/// Grain storage for in-process clusters that, unlike Orleans' memory storage (itself a grain), outlives any one
/// silo: what PostgreSQL is to a real cluster. Each silo has its own instance over the rows all silos share;
/// values are deep-copied with that silo's copier, so silos never share a state object.
/// </summary>
public sealed class SurvivingMemoryStorage(SurvivingMemoryStorage.Rows rows, DeepCopier copier) : IGrainStorage
{
    public sealed class Rows : ConcurrentDictionary<(string, GrainId), (object State, string ETag)>
    {
        /// <summary>While set, writes of grains of this type fail, as they do while the database is away.</summary>
        public volatile string? FailingWritesOf;
    }

    private readonly Rows _rows = rows;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_rows.TryGetValue((stateName, grainId), out var row))
        {
            grainState.State = copier.Copy((T)row.State);
            grainState.ETag = row.ETag;
            grainState.RecordExists = true;
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_rows.FailingWritesOf is { } failing && grainId.Type.ToString() == failing)
            throw new IOException($"The storage of {grainId} is away.");
        var etag = Guid.NewGuid().ToString("N");
        _rows[(stateName, grainId)] = (copier.Copy(grainState.State)!, etag);
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _rows.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
