using Microsoft.Extensions.Logging;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Watch;

/// <summary>
/// One range of watched tasks. A timer checks the tasks that are due every <see cref="TickEvery"/>; the reminder only
/// brings the range back on another silo after its own died, and is registered once per activation. Additions are
/// stored in batched writes (<see cref="CoalescedWrites"/>); removals ride along with the next write, and a task
/// found again after a removal was lost answers that it needs no watching. Reentrant, so that a slow check never holds
/// up the tasks being submitted.
/// </summary>
[Reentrant]
public sealed partial class TaskWatchGrain(
    [PersistentState("taskWatch", FaasStorage.Name)] IPersistentState<TaskWatchRecord> state,
    TimeProvider clock,
    ILogger<TaskWatchGrain> logger)
    : Grain, ITaskWatchGrain, IRemindable
{
    private const string ReminderName = "watch";
    private const int Concurrency = 64;

    private static readonly TimeSpan TickEvery = TimeSpan.FromSeconds(1);

    /// <summary>How soon a range whose silo died is back: its tasks' checks are late by at most this much.</summary>
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    /// <summary>When a task could not be checked, how long until it is tried again.</summary>
    private static readonly TimeSpan RetryIn = TimeSpan.FromSeconds(10);

    private readonly CoalescedWrites _writes = new(state.WriteStateAsync);
    private Task? _armed;
    private bool _changed;
    private bool _checking;

    private Dictionary<Guid, DateTimeOffset> Due => state.State.Due;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(CheckDue, new GrainTimerCreationOptions { DueTime = TickEvery, Period = TickEvery, KeepAlive = true });
        return Task.CompletedTask;
    }

    public async Task Watch(Guid task, DateTimeOffset due)
    {
        await (_armed ??= Arm());
        Due[task] = due;
        await _writes.Write();
    }

    public Task Forget(Guid task)
    {
        _changed |= Due.Remove(task);
        return Task.CompletedTask;
    }

    public Task CheckAllNow()
    {
        var now = clock.GetUtcNow();
        foreach (var task in Due.Keys.ToList())
            Due[task] = now;
        return Task.CompletedTask;
    }

    /// <summary>The timer does the checking; the reminder's tick only keeps this range active.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    private async Task Arm()
    {
        try
        {
            await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
        }
        catch (Exception e) // the reminder table's own errors too, e.g. its database being away
        {
            // Only the range's return after its silo dies is missing until the next task watched arms it again.
            LogNotArmed(e, this.GetPrimaryKeyLong());
            _armed = null;
        }
    }

    private async Task CheckDue(CancellationToken cancellationToken)
    {
        // Reentrant: a tick that takes longer than the period is not overlapped by the next.
        if (_checking)
            return;
        _checking = true;
        try
        {
            var now = clock.GetUtcNow();
            var due = Due.Where(d => d.Value <= now).Select(d => d.Key).ToList();
            var concurrently = new ParallelOptions { MaxDegreeOfParallelism = Concurrency, TaskScheduler = TaskScheduler.Current };
            await Parallel.ForEachAsync(due, concurrently, async (task, _) =>
            {
                DateTimeOffset? next;
                try
                {
                    next = await GrainFactory.GetGrain<ITaskGrain>(task).Check();
                }
                catch (Exception e)
                {
                    LogCheckFailed(e, task);
                    next = clock.GetUtcNow() + RetryIn;
                }
                if (next is { } at)
                    Due[task] = at;
                else
                    _changed |= Due.Remove(task);
            });
            if (_changed)
            {
                _changed = false;
                await _writes.Write();
            }
        }
        catch (Exception e)
        {
            // The removals are written with the next write instead.
            _changed = true;
            LogNotWritten(e, this.GetPrimaryKeyLong());
        }
        finally
        {
            _checking = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watch range {Range}: its reminder could not be registered; it is tried again with the next task watched")]
    private partial void LogNotArmed(Exception exception, long range);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watch range: task {TaskId} could not be checked; trying again soon")]
    private partial void LogCheckFailed(Exception exception, Guid taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watch range {Range}: its tasks could not be stored; trying again with the next change")]
    private partial void LogNotWritten(Exception exception, long range);
}
