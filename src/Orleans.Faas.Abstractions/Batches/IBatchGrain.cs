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
    /// Makes one task per input for the function's latest version and hands each to the scheduler. The batch is stored
    /// before any task is submitted, each item's task id fixed by the batch id and its index: the same start sent again
    /// (after a failure, or a silo's death) answers with the batch and submits nothing twice. Throws
    /// <see cref="Functions.FunctionNotFoundException"/>, or a refusal of the first item, which leaves nothing behind.
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
    /// The page ends early, after one item at the least, once its outputs fill <c>Faas:Batches:MaxPageBytes</c>.
    /// </summary>
    [AlwaysInterleave, Alias("GetItems")]
    Task<ImmutableArray<BatchItem>?> GetItems(int offset, int limit);

    /// <summary>
    /// The task <paramref name="taskId"/> of item <paramref name="index"/> reached <paramref name="status"/>; a task that
    /// is not the item's changes nothing. Best effort: a report that never arrives is made up for by the batch reading
    /// its unfinished tasks when it is activated and on a reminder.
    /// </summary>
    [OneWay, AlwaysInterleave, Alias("TaskOfItemReached")]
    Task TaskReached(int index, Guid taskId, TaskState status);
}
