using System.Collections.Immutable;

namespace Orleans.Faas.History;

/// <summary>
/// The record of finished attempts the predictor learns from. Appending never waits for storage, so a grain turn
/// is never held up by it; implementations write in the background.
/// </summary>
public interface IExecutionHistory
{
    void Append(ExecutionRecord record);

    Task<ImmutableArray<ExecutionRecord>> QueryAsync(ExecutionQuery query, CancellationToken cancellationToken);
}
