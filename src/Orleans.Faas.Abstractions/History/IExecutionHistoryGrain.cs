using System.Collections.Immutable;

namespace Orleans.Faas.History;

/// <summary>Reads the execution history for callers outside the silo, such as the gateway.</summary>
[Alias("faas.IExecutionHistoryGrain")]
public interface IExecutionHistoryGrain : IGrainWithIntegerKey
{
    [Alias("Query")]
    Task<ImmutableArray<ExecutionRecord>> Query(ExecutionQuery query);
}
