using Microsoft.Extensions.Options;
using Orleans.Faas.Callbacks;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Retention;

/// <summary>
/// When finished work expires, and the bucket (<see cref="ExpiryBucketGrain"/>) that expires it. Buckets, not a
/// reminder per grain: that would add two reminder writes to every invocation, and Orleans' durable jobs, made for
/// one-shot work per grain, are an alpha without an ADO.NET store. A bucket gathers the grains that expire in one
/// range, persists them a batch at a time, and has one reminder for all of them.
/// </summary>
public sealed class Expiry(IGrainFactory grains, IOptions<TaskOptions> options, TimeProvider clock)
{
    /// <summary>
    /// A hundredth of the retention, so work lives at most about 1% past it, within a second (the reminder floor) and a
    /// minute (which bounds how much a bucket holds, and so rewrites, at a given rate).
    /// </summary>
    private long BucketSeconds => Math.Clamp((long)(options.Value.Retention.TotalSeconds / 100), 1, 60);

    /// <summary>Hands work that finished at <paramref name="finishedAt"/> to the bucket it expires in; fire-and-forget.</summary>
    public void Schedule(GrainId grain, DateTimeOffset finishedAt) => ExpireAt(grain, finishedAt + options.Value.Retention);

    /// <summary>
    /// Deletes finished work's state and deactivates it, unless its time has not come: the retention grew since it was
    /// scheduled, or its callback is still being delivered. Then it goes to a later bucket.
    /// </summary>
    public async Task ExpireFinished<TRecord>(IGrainBase grain, IPersistentState<TRecord> state, DateTimeOffset finishedAt, CallbackStatus? callback)
        where TRecord : new()
    {
        if (IsDue(grain, finishedAt, callback))
            await Forget(grain, state);
    }

    /// <summary>Whether finished work's time has come; if not, it goes to a later bucket.</summary>
    public bool IsDue(IGrainBase grain, DateTimeOffset finishedAt, CallbackStatus? callback)
    {
        var due = finishedAt + options.Value.Retention;
        if (callback is { Status: CallbackState.Pending } pending)
            due = Later(due, Later(pending.RetryUntil, clock.GetUtcNow()) + TimeSpan.FromSeconds(BucketSeconds));
        if (due <= clock.GetUtcNow())
            return true;
        ExpireAt(grain.GrainContext.GrainId, due);
        return false;
    }

    /// <summary>Deletes a grain's state, if it has any, and deactivates it: from now on it answers as one that never existed.</summary>
    public static async Task Forget<TRecord>(IGrainBase grain, IPersistentState<TRecord> state) where TRecord : new()
    {
        if (state.RecordExists)
            await state.ClearStateAsync();
        state.State = new TRecord();
        grain.DeactivateOnIdle();
    }

    /// <summary>Hands a grain to the bucket in which <paramref name="due"/> falls, to be told to expire then; fire-and-forget.</summary>
    public void ExpireAt(GrainId grain, DateTimeOffset due)
    {
        var width = BucketSeconds;
        var seconds = (due.ToUnixTimeMilliseconds() + 999) / 1000;
        var end = (seconds + width - 1) / width * width;
        grains.GetGrain<IExpiryBucketGrain>(end, grain.Type.ToString()).Add(grain.GetGuidKey()).Ignore();
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
