using Orleans.Faas.Retention;

namespace Orleans.Faas.Batches;

/// <summary>Expiry: a batch finished for longer than the retention is deleted; one whose start never stored its record leaves no backlog behind.</summary>
public sealed partial class BatchGrain
{
    public async Task Expire()
    {
        if (!IsStarted)
        {
            await _waiting.LetGo();
            await Expiry.Forget(this, state);
        }
        else if (IsFinished)
            await expiry.ExpireFinished(this, state, Record.FinishedAt!.Value, Record.Callback);
    }
}
