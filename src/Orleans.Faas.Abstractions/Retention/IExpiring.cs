namespace Orleans.Faas.Retention;

/// <summary>
/// Work that is deleted once it has been finished for the retention (<c>Faas:Tasks:Retention</c>): a task, a batch, a
/// chain run. Its expiry bucket (<see cref="IExpiryBucketGrain"/>) tells it when its time has come.
/// </summary>
[Alias("faas.IExpiring")]
public interface IExpiring : IGrainWithGuidKey
{
    /// <summary>
    /// Deletes the grain's state and deactivates it when it finished at least the retention ago, after which it answers
    /// as one that never existed. Unfinished work ignores this; finished work whose time has not come (the retention
    /// grew, a callback is still being delivered) hands itself to a later bucket.
    /// </summary>
    [Alias("Expire")]
    Task Expire();
}
