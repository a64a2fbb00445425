using System.Collections.Immutable;
using Orleans.Faas.Retention;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Batches;

/// <summary>
/// A batch, keyed by its id: one task per input, counted by status, with the results in input order. Once finished it
/// expires after the retention, as its tasks do.
/// </summary>
[Alias("faas.IBatchGrain")]
public interface IBatchGrain : IGrainWithGuidKey, IExpiring
{
    /// <summary>
    /// Makes one task per input for the function's latest version and hands each to the scheduler; everything is
    /// persisted before this returns. Throws <see cref="Functions.FunctionNotFoundException"/>.
    /// </summary>
    [Alias("Start"), ResponseTimeout("00:05:00")]
    Task<BatchSnapshot> Start(BatchRequest request);

    /// <summary>Null when no batch with this id was ever started.</summary>
    [AlwaysInterleave, Alias("GetSnapshot")]
    Task<BatchSnapshot?> GetSnapshot();

    /// <summary>Returns once every task finished or <paramref name="maxWait"/> passed, whichever is first.</summary>
    [AlwaysInterleave, Alias("WaitUntilFinished")]
    Task<BatchSnapshot?> WaitUntilFinished(TimeSpan maxWait);

    /// <summary>
    /// The items from <paramref name="offset"/>, at most <paramref name="limit"/>, in input order; null when no batch with
    /// this id was ever started. An item whose task expired keeps its status, without output, with reason "expired".
    /// </summary>
    [AlwaysInterleave, Alias("GetItems")]
    Task<ImmutableArray<BatchItem>?> GetItems(int offset, int limit);

    /// <summary>
    /// A task of the batch reached <paramref name="status"/>. Best effort: a report that never arrives is made up for
    /// by the batch reading its unfinished tasks when it is activated and on a reminder.
    /// </summary>
    [OneWay, AlwaysInterleave, Alias("TaskReached")]
    Task TaskReached(int index, TaskState status);
}
