using Microsoft.Extensions.Logging;
using Orleans.Faas.Resilience;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Batches;

/// <summary>
/// Submission: the waiting items' tasks are submitted a few at once; those no queue has room for wait, and are offered
/// again when a task of the batch finishes or when the refusal said a place would free up.
/// </summary>
public sealed partial class BatchGrain
{
    private IGrainTimer? _retry;

    /// <summary>Once the start has offered every item: the backlog goes when none waits, and what the items reached is stored.</summary>
    private async Task AfterSubmitting(double? retryIn)
    {
        if (retryIn is { } wait)
            RetryWaitingIn(TimeSpan.FromSeconds(wait));
        else
            await _waiting.LetGo();
        await Flush();
    }

    /// <summary>
    /// Submits the waiting items' tasks, a few at once. An item no queue has room for waits, and once one did, the rest
    /// wait untried; so do they all when a submission could not be made for now (the cluster or its database away).
    /// An item whose submission was refused otherwise fails.
    /// </summary>
    /// <returns>In how many seconds to offer the waiting items again; null when none is left waiting for a reason.</returns>
    private async Task<double?> SubmitEach(IReadOnlyList<int> items)
    {
        double? retryIn = null;
        using var stop = new CancellationTokenSource();
        async ValueTask WaitAll(double seconds)
        {
            retryIn = Math.Min(retryIn ?? double.MaxValue, seconds);
            await stop.CancelAsync();
        }
        try
        {
            await Parallel.ForEachAsync(items, Concurrently(stop.Token), async (i, _) =>
            {
                try
                {
                    await SubmitWaitingItem(i);
                }
                catch (QueueFullException e)
                {
                    await WaitAll(e.RetryAfterSeconds);
                }
                catch (Exception e) when (IsRefusal(e))
                {
                    _waiting.Remove(i);
                    NotSubmitted(i, e.Message);
                }
                catch (Exception e) when (StorageOutage.IsPassing(e))
                {
                    LogSubmissionPassing(e, Id);
                    await WaitAll(TaskNotStoredException.RetryAfterSeconds);
                }
            });
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The items not offered yet stay waiting.
        }
        return retryIn;
    }

    /// <summary>
    /// Submits a waiting item's task from the backlog. Safe to repeat: an item whose task exists (submitted before the
    /// batch last stopped) is left as it is, and what it reached is read from it.
    /// </summary>
    private async Task SubmitWaitingItem(int index)
    {
        var task = TaskAt(index);
        var submitted = await task.SubmitIfNew(_waiting.SubmissionOf(Id, index));
        _waiting.Remove(index);
        if (!submitted && await task.GetSnapshot() is { } existing)
            Reached(index, existing.Status);
    }

    /// <summary>Errors that mean an item's task cannot be made now or soon, as opposed to the cluster being briefly unreachable.</summary>
    private static bool IsRefusal(Exception e) =>
        e is QueueFullException or NoProviderAvailableException or UnmetConstraintException or PinnedProviderUnavailableException;

    private void RetryWaitingIn(TimeSpan due) =>
        _retry ??= this.RegisterGrainTimer(_ => SubmitWaiting(), new GrainTimerCreationOptions { DueTime = due, Period = Timeout.InfiniteTimeSpan, KeepAlive = true });

    /// <summary>Brings the next offer of the waiting items forward to now; reports that come while it runs make one more.</summary>
    private void RetryWaitingNow()
    {
        if (_retry is null)
            RetryWaitingIn(TimeSpan.Zero);
        else
            _retry.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Offers the waiting items again, in input order, the first alone so that a cluster still full costs one refusal;
    /// once none is left, their inputs are let go.
    /// </summary>
    private async Task SubmitWaiting()
    {
        _retry?.Dispose();
        _retry = null;
        var count = _waiting.Stored;
        var retryIn = _waiting.Count == 0 ? null : await SubmitEach([_waiting.First]);
        if ((retryIn ?? await SubmitEach(_waiting.ToArray())) is { } wait)
        {
            RetryWaitingIn(TimeSpan.FromSeconds(wait));
            return;
        }
        LogBacklogSubmitted(Id, count);
        await _waiting.LetGo();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId}: the last of its {Waiting} items that waited for room in a queue has its task")]
    private partial void LogBacklogSubmitted(Guid batchId, int waiting);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId}: a task could not be submitted for now; its items wait and are offered again")]
    private partial void LogSubmissionPassing(Exception exception, Guid batchId);
}
