using Microsoft.Extensions.Logging;

namespace Orleans.Faas.Batches;

/// <summary>
/// Reconciliation: what the tasks reported while no activation held the batch, or that was lost with a silo, is read from
/// the tasks themselves, on activation and on a reminder while the batch runs.
/// </summary>
public sealed partial class BatchGrain
{
    private const string ReconcileReminder = "reconcile";

    /// <summary>Reads every task the batch has not heard finish; bounded, and only on activation and the reminder. A waiting item has none yet.</summary>
    private async Task Reconcile()
    {
        if (_waiting.Stored > 0)
            RetryWaitingIn(TimeSpan.Zero);
        var unheard = Enumerable.Range(0, Total).Where(i => !HasFinished(i) && !_waiting.Contains(i)).ToList();
        await Parallel.ForEachAsync(unheard, Concurrently(CancellationToken.None), async (i, _) =>
        {
            if (await TaskAt(i).GetSnapshot() is { } task)
                Reached(i, task.Status);
            else
                NotSubmitted(i, "Its task was never submitted.");
        });
        LogReconciled(Id, unheard.Count, _tally.Unfinished);
        await Flush();
    }

    /// <summary>Best effort: without it an unfinished batch still learns of its tasks from their reports and its next activation.</summary>
    private async Task ArmReconcile()
    {
        try
        {
            await this.RegisterOrUpdateReminder(ReconcileReminder, options.Value.ReconcileEvery, options.Value.ReconcileEvery);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogReminderFailed(e, Id);
        }
    }

    private Task DisarmReconcile() => this.TryUnregister(ReconcileReminder, logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId}: read {Unheard} tasks it had not heard finish; {Unfinished} still run")]
    private partial void LogReconciled(Guid batchId, int unheard, int unfinished);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId}: its reconcile reminder could not be changed")]
    private partial void LogReminderFailed(Exception exception, Guid batchId);
}
