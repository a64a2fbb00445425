using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Options;

namespace Orleans.Faas.History;

/// <summary>
/// The execution history of embedded mode: this silo's newest records, at most <see cref="HistoryOptions.InMemoryLimit"/>,
/// for as long as the process lives.
/// </summary>
public sealed class InMemoryExecutionHistory(IOptions<HistoryOptions> options) : IExecutionHistory
{
    private readonly ConcurrentDictionary<(Guid TaskId, int Attempt), ExecutionRecord> _records = new();

    // Appends arrive about in order of finish, so the first appended is dropped first.
    private readonly ConcurrentQueue<(Guid TaskId, int Attempt)> _appended = new();

    public Task Append(ExecutionRecord record)
    {
        if (_records.TryAdd((record.TaskId, record.Attempt), record))
        {
            _appended.Enqueue((record.TaskId, record.Attempt));
            while (_records.Count > options.Value.InMemoryLimit && _appended.TryDequeue(out var oldest))
                _records.TryRemove(oldest, out _);
        }
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
