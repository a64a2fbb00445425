using System.Collections.Immutable;
using Microsoft.Extensions.Options;

namespace Orleans.Faas.History;

/// <summary>
/// The execution history of embedded mode: this silo's newest records (<see cref="HistoryOptions.MaxRows"/>), for as
/// long as the process lives.
/// </summary>
public sealed class InMemoryExecutionHistory(IOptions<HistoryOptions> options) : IExecutionHistory
{
    private readonly int _maxRows = options.Value.MaxRows;
    private readonly Lock _lock = new();
    private readonly Dictionary<(Guid TaskId, int Attempt), ExecutionRecord> _records = [];
    // Oldest first, so the first to go when the history is full is the first that came.
    private readonly Queue<(Guid TaskId, int Attempt)> _appended = new();

    public Task Append(ExecutionRecord record)
    {
        lock (_lock)
        {
            if (_records.TryAdd((record.TaskId, record.Attempt), record))
            {
                _appended.Enqueue((record.TaskId, record.Attempt));
                if (_appended.Count > _maxRows)
                    _records.Remove(_appended.Dequeue());
            }
        }
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<ExecutionRecord>> QueryAsync(ExecutionQuery query, CancellationToken cancellationToken)
    {
        ExecutionRecord[] records;
        // Appends wait only for the copy, not for the filtering and sorting.
        lock (_lock)
            records = [.. _records.Values];
        var before = query.Before is { } cursor ? (cursor.FinishedAt, cursor.TaskId, cursor.Attempt) : default((DateTimeOffset, Guid, int)?);
        return Task.FromResult(records
            .Where(r => (query.Function is null || r.Function == query.Function) && (query.Provider is null || r.Provider == query.Provider))
            .Where(r => before is null || Position(r).CompareTo(before.Value) < 0)
            .OrderByDescending(Position)
            .Take(query.Limit)
            .ToImmutableArray());
    }

    // Guid.CompareTo orders as PostgreSQL orders uuids (by their text), so both histories page in the same order.
    private static (DateTimeOffset, Guid, int) Position(ExecutionRecord r) => (r.FinishedAt, r.TaskId, r.Attempt);
}
