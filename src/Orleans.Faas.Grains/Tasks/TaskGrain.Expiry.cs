using Orleans.Faas.Retention;

namespace Orleans.Faas.Tasks;

/// <summary>Expiry: a task finished for longer than the retention is deleted, its submission, result and logs with it.</summary>
public sealed partial class TaskGrain
{
    public async Task Expire()
    {
        if (Record.Submission is not null && !(TaskLifecycle.IsFinished(Record.Status) && expiry.IsDue(this, Record.FinishedAt!.Value, Record.Callback)))
            return;
        // Readers see what is stored: nothing, once the task is deleted; after a delete that failed, what is left.
        DeactivateOnIdle();
        // The submission first: a record without one reads as a task never submitted, so a silo that dies between the
        // two deletes leaves nothing to revive (the accepted QUEUED first attempt would be), and the next expiry
        // deletes the record.
        if (accepted.RecordExists)
            await accepted.ClearStateAsync();
        accepted.State = new AcceptedTask();
        await Expiry.Forget(this, state);
        Record = state.State;
    }
}
