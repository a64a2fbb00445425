using Orleans.Faas.Retention;

namespace Orleans.Faas.Tasks;

/// <summary>Expiry: a task finished for longer than the retention is deleted, its submission, result and logs with it.</summary>
public sealed partial class TaskGrain
{
    public async Task Expire()
    {
        if (Record.Submission is null)
            await Expiry.Forget(this, state);
        else if (TaskLifecycle.IsFinished(Record.Status))
            await expiry.ExpireFinished(this, state, Record.FinishedAt!.Value, Record.Callback);
        if (!state.RecordExists && accepted.RecordExists)
        {
            await accepted.ClearStateAsync();
            accepted.State = new AcceptedTask();
        }
        // Readers see what is stored: nothing, once the task is deleted.
        Record = state.State;
        Record.Submission = accepted.State.Submission;
    }
}
