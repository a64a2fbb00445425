using Microsoft.Extensions.Logging;
using Orleans.Faas.Chains;
using Orleans.Faas.Functions;
using Orleans.Faas.HttpModel.Tasks;
using Orleans.Faas.Namespaces;

namespace Orleans.Faas.Tasks;

/// <summary>
/// Destinations: a finished task's outcome becomes the input of its function's <c>onSuccess</c> or <c>onFailure</c>
/// function or chain, at least once (a reminder tries again until it got through, wherever the task lives by then)
/// and run once (the invocation's id is derived from the task's, <see cref="DestinationDelivery.IdFor"/>).
/// </summary>
public sealed partial class TaskGrain
{
    private const string DestinationReminder = "destination";

    /// <summary>Reminders tick no more often than once a minute.</summary>
    private static readonly TimeSpan DestinationRetry = TimeSpan.FromMinutes(1);

    private IGrainTimer? _handingOver;

    /// <summary>Where a task ending in <paramref name="status"/> goes; null for nowhere.</summary>
    private Destination? DestinationOf(TaskState status) => status switch
    {
        TaskState.Completed => Record.Submission!.Function.Definition.Destinations?.OnSuccess,
        TaskState.Failed => Record.Submission!.Function.Definition.Destinations?.OnFailure,
        _ => null,
    };

    /// <summary>
    /// Called before the finished task is stored: a reminder that then finds nothing pending removes itself, while a
    /// stored outcome without one would not outlive its silo.
    /// </summary>
    private async Task ArmDestination(TaskState status)
    {
        if (DestinationOf(status) is not null)
            await this.RegisterOrUpdateReminder(DestinationReminder, DestinationRetry, DestinationRetry);
    }

    /// <summary>The delivery a task ending in <paramref name="status"/> starts with, stored with its outcome.</summary>
    private DestinationDelivery? PendingDestination(TaskState status) =>
        DestinationOf(status) is { } target ? new DestinationDelivery(target, DestinationDelivery.IdFor(Id)) : null;

    /// <summary>Hands the outcome over in a turn of its own, so the worker that reported it is answered first.</summary>
    private void StartDestination()
    {
        if (Record.Destination is { Status: DestinationState.Pending } && _handingOver is null)
            _handingOver = this.RegisterGrainTimer(
                HandOver, new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan, KeepAlive = true });
    }

    private async Task HandOver(CancellationToken cancellationToken)
    {
        _handingOver?.Dispose();
        _handingOver = null;
        if (Record.Destination is not { Status: DestinationState.Pending } pending)
        {
            await DisarmDestination();
            return;
        }

        var attempt = pending with { Attempts = pending.Attempts + 1 };
        try
        {
            await Invoke(pending, DestinationOutcome.Of(Snapshot()!, Record.Output, Record.Submission!.Input));
            attempt = attempt with { Status = DestinationState.Delivered, LastError = null };
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or TaskNotStoredException)
        {
            // Its reminder tries again.
            LogDestinationNotReached(e, Id, pending.Target);
            await Store(r => r.Destination = attempt with { LastError = e.Message });
            return;
        }
        catch (Exception e) // gone, or refusing the outcome: trying again would not change that
        {
            LogDestinationRefused(Id, pending.Target, e.Message);
            attempt = attempt with { Status = DestinationState.Failed, LastError = e.Message };
        }
        await Store(r => r.Destination = attempt);
        await DisarmDestination();
    }

    private Task Invoke(DestinationDelivery delivery, byte[] outcome)
    {
        var @namespace = QualifiedName.NamespaceOf(FunctionName);
        return delivery.Target.Function is { } function
            ? GrainFactory.GetGrain<IFunctionGrain>(QualifiedName.Of(@namespace, function)).InvokeAs(delivery.InvocationId, outcome, InvocationOptions.Default)
            : GrainFactory.GetGrain<IChainGrain>(QualifiedName.Of(@namespace, delivery.Target.Chain!)).StartRunAs(delivery.InvocationId, outcome);
    }

    /// <summary>Best effort: a reminder left behind finds nothing pending at its next tick and removes itself then.</summary>
    private Task DisarmDestination() => this.TryUnregister(DestinationReminder, logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: its outcome did not reach its destination, {Destination}; its reminder tries again")]
    private partial void LogDestinationNotReached(Exception exception, Guid taskId, Destination destination);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: its destination, {Destination}, refused its outcome: {Reason}")]
    private partial void LogDestinationRefused(Guid taskId, Destination destination, string reason);
}
