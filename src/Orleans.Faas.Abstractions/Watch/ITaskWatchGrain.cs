namespace Orleans.Faas.Watch;

/// <summary>
/// The unfinished tasks of one range of task ids, each with the time it is next due to be checked. One durable
/// reminder per range, not one per task: a task costs a share of a batched write when it is watched, and nothing to
/// stop being watched.
/// </summary>
[Alias("faas.ITaskWatchGrain")]
public interface ITaskWatchGrain : IGrainWithIntegerKey
{
    /// <summary>Watches the task from <paramref name="due"/> on; returns once that is stored, with whatever else arrived meanwhile.</summary>
    [Alias("Watch")]
    Task Watch(Guid task, DateTimeOffset due);

    /// <summary>Stops watching the task; not stored by itself, as a forgotten task found again only answers that it is done.</summary>
    [OneWay, Alias("Forget")]
    Task Forget(Guid task);

    /// <summary>A node was lost: every task of the range is due at once, so that what the node held is placed again now.</summary>
    [Alias("CheckAllNow")]
    Task CheckAllNow();
}
