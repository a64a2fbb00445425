using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Orleans.Faas.History;

/// <summary>The execution history of embedded mode: this silo's records, for as long as the process lives.</summary>
public sealed class InMemoryExecutionHistory : IExecutionHistory
{
    private readonly ConcurrentDictionary<(Guid TaskId, int Attempt), ExecutionRecord> _records = new();

    public Task Append(ExecutionRecord record)
    {
        _records.TryAdd((record.TaskId, record.Attempt), record);
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<ExecutionRecord>> QueryAsync(ExecutionQuery query, CancellationToken cancellationToken)
    {
        var before = query.Before is { } cursor ? (cursor.FinishedAt, cursor.TaskId, cursor.Attempt) : default((DateTimeOffset, Guid, int)?);
        return Task.FromResult(_records.Values
            .Where(r => (query.Function is null || r.Function == query.Function) && (query.Provider is null || r.Provider == query.Provider))
            .Where(r => before is null || Position(r).CompareTo(before.Value) < 0)
            .OrderByDescending(Position)
            .Take(query.Limit)
            .ToImmutableArray());
    }

    // Guid.CompareTo orders as PostgreSQL orders uuids (by their text), so both histories page in the same order.
    private static (DateTimeOffset, Guid, int) Position(ExecutionRecord r) => (r.FinishedAt, r.TaskId, r.Attempt);
}
