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
        /// <summary>While set, every read and write of grains of this type fails, as they do while the database is away.</summary>
        public volatile string? AwayFor;

        /// <summary>How many more of its states each grain here may delete; the next delete fails, as if its silo died first.</summary>
        public ConcurrentDictionary<GrainId, int> DeletesLeft { get; } = new();

        /// <summary>How many writes each state of each grain has had.</summary>
        public ConcurrentDictionary<(string State, GrainId Grain), int> Writes { get; } = new();
    }

    private readonly Rows _rows = rows;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        FailIfAway(grainId);
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
        FailIfAway(grainId);
        var etag = Guid.NewGuid().ToString("N");
        _rows[(stateName, grainId)] = (copier.Copy(grainState.State)!, etag);
        _rows.Writes.AddOrUpdate((stateName, grainId), 1, (_, writes) => writes + 1);
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_rows.DeletesLeft.TryGetValue(grainId, out var left) && (left == 0 || !_rows.DeletesLeft.TryUpdate(grainId, left - 1, left)))
            throw new DatabaseAwayException($"The silo of {grainId} died before it deleted its {stateName}.");
        _rows.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private void FailIfAway(GrainId grainId)
    {
        if (_rows.AwayFor is { } away && grainId.Type.ToString() == away)
            throw new DatabaseAwayException($"The storage of {grainId} is away.");
    }
}

/// <summary>What a database client throws when its server is away.</summary>
public sealed class DatabaseAwayException(string message) : System.Data.Common.DbException(message);
