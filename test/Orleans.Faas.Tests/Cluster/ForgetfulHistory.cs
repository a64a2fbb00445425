using System.Collections.Concurrent;
using System.Collections.Immutable;
using Orleans.Faas.History;

namespace Orleans.Faas.Tests.Cluster;

/// <summary>
/// The in-memory history, except that the first append of each attempt of a function named with <see cref="Prefix"/>
/// is lost, as a row still buffered by a silo that is killed is lost.
/// </summary>
public sealed class ForgetfulHistory(IExecutionHistory inner) : IExecutionHistory
{
    public const string Prefix = "unrecorded-";

    private readonly ConcurrentDictionary<(Guid, int), bool> _forgotten = new();

    public Task Append(ExecutionRecord record) =>
        record.Function.StartsWith(Prefix, StringComparison.Ordinal) && _forgotten.TryAdd((record.TaskId, record.Attempt), true)
            ? Task.FromCanceled(new CancellationToken(canceled: true))
            : inner.Append(record);

    public Task<ImmutableArray<ExecutionRecord>> QueryAsync(ExecutionQuery query, CancellationToken cancellationToken) =>
        inner.QueryAsync(query, cancellationToken);
}
