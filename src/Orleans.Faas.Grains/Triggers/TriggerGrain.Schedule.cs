using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Orleans.Faas.Functions;
using Orleans.Faas.HttpModel.Triggers;
using Orleans.Faas.Idempotency;
using Orleans.Faas.Resilience;
using Orleans.Faas.Scheduling;

namespace Orleans.Faas.Triggers;

/// <summary>
/// A schedule's runtime: a grain timer set for its next time fires every time due since the stored last one, each
/// through the task path under an idempotency key of the trigger and the time, and then stores how far it got. A silo
/// that dies after the tasks were made and before that was stored leaves the times to the next activation, whose
/// firing finds the same keys and so the same tasks: a time is fired late, never twice.
/// </summary>
public sealed partial class TriggerGrain
{
    /// <summary>The most times one look fires; a longer backlog goes on at the next look, right after.</summary>
    private const int MostPerLook = 100;

    /// <summary>How soon a look that failed (the cluster or its storage away) is made again.</summary>
    private static readonly TimeSpan AgainAfterError = TimeSpan.FromSeconds(5);

    private IGrainTimer? _look;

    private (TriggerSchedule Schedule, CronSchedule Cron)? _parsed;

    private CronSchedule? Cron
    {
        get
        {
            if (Record.Definition?.Schedule is not { } schedule)
                return null;
            if (_parsed is not { } parsed || parsed.Schedule != schedule)
                _parsed = parsed = (schedule, CronSchedule.Of(schedule));
            return parsed.Cron;
        }
    }

    /// <summary>The schedule counts from its last stored change: times before that were another definition's.</summary>
    private DateTimeOffset FiredThrough => Record.LastDueAt is { } last && last > Record.UpdatedAt ? last : Record.UpdatedAt;

    private DateTimeOffset? NextFiringAt() => Cron?.Next(FiredThrough);

    private void ApplySchedule()
    {
        if (Record.Definition?.Schedule is null)
        {
            _look?.Dispose();
            _look = null;
            return;
        }
        // What is due now first: the times missed while the trigger was moving from a dead silo.
        LookIn(TimeSpan.Zero);
    }

    private void LookIn(TimeSpan delay)
    {
        if (_look is null)
            _look = this.RegisterGrainTimer(_ => Look(), new GrainTimerCreationOptions { DueTime = delay, Period = Timeout.InfiniteTimeSpan, KeepAlive = true });
        else
            _look.Change(delay, Timeout.InfiniteTimeSpan);
    }

    private async Task Look()
    {
        var again = AgainAfterError;
        try
        {
            again = await FireDue() ? TimeSpan.Zero : UntilNext();
        }
        catch (Exception e)
        {
            LogFiringFailed(e, Name);
        }
        if (Record.Definition?.Schedule is not null)
            LookIn(again);
    }

    private TimeSpan UntilNext()
    {
        var wait = NextFiringAt() is { } next ? next - clock.GetUtcNow() : Timeout.InfiniteTimeSpan;
        return wait < TimeSpan.Zero && wait != Timeout.InfiniteTimeSpan ? TimeSpan.Zero : wait;
    }

    /// <summary>Fires the times due now and stores how far it got; true when more are due at once.</summary>
    private async Task<bool> FireDue()
    {
        if (Record.Definition is not { Schedule: { } schedule } definition || Cron is not { } cron)
            return false;
        var due = DueTimes.Of(cron, schedule.CatchUp, FiredThrough, clock.GetUtcNow(), options.Value.HandoverWindow, MostPerLook);
        if (due.Through is null)
            return false;

        var input = Encoding.UTF8.GetBytes(schedule.Input ?? "");
        var fired = new List<TriggerFiring>();
        var failed = 0;
        TriggerError? error = null;
        DateTimeOffset? through = null;
        try
        {
            foreach (var time in due.Fire)
            {
                try
                {
                    fired.Add(new TriggerFiring(time, clock.GetUtcNow(), await Submit(definition.Function, time, input)));
                }
                catch (Exception e) when (IsRefusal(e))
                {
                    failed++;
                    error = new TriggerError(clock.GetUtcNow(), $"The time {time:O} made no task: {e.Message}");
                    LogRefused(Name, time, e.Message);
                }
                through = time;
            }
            through = due.Through;
        }
        finally
        {
            // The skipped times are all before the first one fired: dealt with once any was.
            if (through is { } last)
                await StoreFirings(fired, failed, error, r =>
                {
                    r.LastDueAt = last;
                    r.Skipped += due.Skipped;
                });
        }
        return due.Fire.Count == MostPerLook;
    }

    /// <summary>The task of the time <paramref name="time"/>: made once under the trigger's key for that time, found again after.</summary>
    private async Task<Guid> Submit(string function, DateTimeOffset time, byte[] input)
    {
        var key = IdempotencyKeys.Grain(function, $"trigger {Name} {time.UtcDateTime:O}");
        var taskId = await ClusterCalls.ThroughSiloLoss.ExecuteAsync(async _ =>
            await GrainFactory.GetGrain<IIdempotencyGrain>(key).Claim(Guid.NewGuid(), tasks.Value.Retention, SHA256.HashData(input)));
        await ClusterCalls.ThroughSiloLoss.ExecuteAsync(async _ =>
            await GrainFactory.GetGrain<IFunctionGrain>(function).InvokeAs(taskId, input, InvocationOptions.Default));
        return taskId;
    }

    /// <summary>Errors that mean the time cannot make a task, as opposed to the cluster or its storage being briefly away.</summary>
    private static bool IsRefusal(Exception e) =>
        e is FunctionNotFoundException or NoProviderAvailableException or UnmetConstraintException or QueueFullException or IdempotencyKeyReusedException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trigger {Trigger} could not fire its due times now; it tries again shortly")]
    private partial void LogFiringFailed(Exception exception, string trigger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trigger {Trigger} made no task for {Time}: {Reason}")]
    private partial void LogRefused(string trigger, DateTimeOffset time, string reason);
}
