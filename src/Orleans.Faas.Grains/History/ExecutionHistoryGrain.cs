using System.Collections.Immutable;

namespace Orleans.Faas.History;

/// <summary>Reads the silo's execution history on behalf of clients; stateless, so any silo can answer.</summary>
[StatelessWorker]
public sealed class ExecutionHistoryGrain(IExecutionHistory history) : Grain, IExecutionHistoryGrain
{
    public Task<ImmutableArray<ExecutionRecord>> Query(ExecutionQuery query) => history.QueryAsync(query, CancellationToken.None);
}
