using System.Collections.Immutable;

namespace Orleans.Faas.History;

/// <summary>
/// The record of finished attempts the predictor learns from. Appending never waits for storage, so a grain turn
/// is never held up by it; implementations write in the background.
/// </summary>
public interface IExecutionHistory
{
    /// <summary>
    /// Queues the row and returns at once. The task completes when the row is stored, or set aside because storage
    /// refuses it for good; it is cancelled when the host stopped before writing it. Appending a row whose task and
    /// attempt are stored already changes nothing.
    /// </summary>
    Task Append(ExecutionRecord record);

    Task<ImmutableArray<ExecutionRecord>> QueryAsync(ExecutionQuery query, CancellationToken cancellationToken);
}
