namespace Orleans.Faas.Tests.Batches;

/// <summary>A grain's persistent state held in memory, counting its writes and clears.</summary>
public sealed class MemoryState<T> : IPersistentState<T> where T : new()
{
    public T State { get; set; } = new();

    public string? Etag => null;

    public bool RecordExists { get; private set; }

    public int Writes { get; private set; }

    public int Clears { get; private set; }

    public Task ClearStateAsync()
    {
        Clears++;
        RecordExists = false;
        State = new T();
        return Task.CompletedTask;
    }

    public Task WriteStateAsync()
    {
        Writes++;
        RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ReadStateAsync() => Task.CompletedTask;
}
