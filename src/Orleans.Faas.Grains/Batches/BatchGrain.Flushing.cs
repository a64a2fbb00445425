using Microsoft.Extensions.Logging;
using Orleans.Faas.Callbacks;
using Orleans.Faas.Resilience;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Batches;

/// <summary>
/// Flushing: the tasks' reports are stored together, soon after the first one and at once when the batch has finished;
/// only a stored finish is acted on (expiry, the reconcile reminder disarmed, the callback).
/// </summary>
public sealed partial class BatchGrain
{
    private IGrainTimer? _flush;

    /// <summary>Many reports, one write: soon after the first one, at once when the batch has finished.</summary>
    private void ScheduleFlush()
    {
        var due = IsFinished ? TimeSpan.Zero : options.Value.FlushDelay;
        if (_flush is null)
            _flush = this.RegisterGrainTimer(_ => Flush(), new GrainTimerCreationOptions { DueTime = due, Period = Timeout.InfiniteTimeSpan });
        else if (IsFinished)
            _flush.Change(due, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Stores what the batch heard; while the database is away it tries again, and only a stored finish is acted on.</summary>
    private async Task Flush()
    {
        _flush?.Dispose();
        _flush = null;
        if (IsFinished && Record.CallbackUrl is { } url && Record.Callback is null)
            Record.Callback = CallbackStatus.Pending(url, Record.FinishedAt!.Value + callbackOptions.Value.RetryFor);
        try
        {
            await Write();
        }
        catch (Exception e) when (StorageOutage.IsPassing(e))
        {
            LogNotStored(e, Id);
            _flush = this.RegisterGrainTimer(_ => Flush(), new GrainTimerCreationOptions
            {
                DueTime = TimeSpan.FromSeconds(TaskNotStoredException.RetryAfterSeconds),
                Period = Timeout.InfiniteTimeSpan,
                KeepAlive = true,
            });
            return;
        }
        if (IsFinished)
        {
            expiry.Schedule(this.GetGrainId(), Record.FinishedAt!.Value);
            await DisarmReconcile();
            await outbox.Start(this);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId}: what it heard could not be stored; it tries again")]
    private partial void LogNotStored(Exception exception, Guid batchId);
}
