using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Orleans.Faas.History;

/// <summary>The execution history of embedded mode: this silo's records, for as long as the process lives.</summary>
public sealed class InMemoryExecutionHistory : IExecutionHistory
{
    private readonly ConcurrentQueue<ExecutionRecord> _records = new();

    public void Append(ExecutionRecord record) => _records.Enqueue(record);

    public Task<ImmutableArray<ExecutionRecord>> QueryAsync(ExecutionQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(_records
            .Where(r => (query.Function is null || r.Function == query.Function) && (query.Provider is null || r.Provider == query.Provider))
            .OrderByDescending(r => r.FinishedAt)
            .Take(query.Limit)
            .ToImmutableArray());
}
