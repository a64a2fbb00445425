using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Faas.HttpModel.Callbacks;

namespace Orleans.Faas.Callbacks;

/// <summary>
/// Delivers one grain's pending callback. It runs in an interleaving timer, so the grain keeps answering meanwhile, and
/// a reminder starts it again on another silo when the one delivering dies or stops first. One per grain activation.
/// </summary>
public sealed partial class CallbackOutbox(
    CallbackDelivery delivery, CallbackHandover handover, IOptions<CallbackOptions> options, ILogger<CallbackOutbox> logger)
{
    public const string ReminderName = "callback";

    private IGrainTimer? _running;
    private bool _armed;

    /// <summary>Starts delivering the owner's callback if it is pending and not already being delivered here.</summary>
    public async Task Start(ICallbackOwner owner)
    {
        if (owner.Callback is not { Status: CallbackState.Pending } || _running is not null)
            return;
        await Arm(owner);
        if (handover.Stopping.IsCancellationRequested)
            return;
        _running = owner.RegisterGrainTimer(
            ct => Run(owner, ct),
            new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan, Interleave = true, KeepAlive = true });
    }

    /// <summary>The reminder's tick: resumes a pending delivery, or removes the reminder once there is none.</summary>
    public async Task Resume(ICallbackOwner owner)
    {
        if (owner.Callback is { Status: CallbackState.Pending })
            await Start(owner);
        else
            await Disarm(owner);
    }

    private async Task Run(ICallbackOwner owner, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, handover.Stopping);
        CallbackStatus final;
        try
        {
            var secret = await owner.GetCallbackSecret();
            final = secret is null
                ? owner.Callback! with { Status = CallbackState.Failed, LastError = $"{owner.CallbackSigner} was deleted, so there is no secret to sign the callback with" }
                : await delivery.Deliver(owner.Callback!, owner.CallbackBody(), secret, owner.SaveCallback, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Every attempt so far is saved; the reminder carries the rest of the delivery to wherever the grain lives next.
            StopRunning();
            if (!_armed)
                await Arm(owner);
            LogHandedOver(owner.GrainContext.GrainId, owner.Callback!.Attempts);
            return;
        }
        await owner.SaveCallback(final);
        if (final.Status == CallbackState.Failed)
            LogGaveUp(owner.GrainContext.GrainId, final.Attempts, final.LastError);
        StopRunning();
        await Disarm(owner);
    }

    private void StopRunning()
    {
        _running?.Dispose();
        _running = null;
    }

    /// <summary>Best effort: without its reminder a delivery resumes only if this activation keeps it going.</summary>
    private async Task Arm(ICallbackOwner owner)
    {
        var period = options.Value.ResumeEvery;
        try
        {
            await owner.RegisterOrUpdateReminder(ReminderName, period, period);
            _armed = true;
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogNotArmed(e, owner.GrainContext.GrainId);
        }
    }

    /// <summary>Best effort: a reminder left behind finds nothing pending at its next tick and removes itself then.</summary>
    private async Task Disarm(ICallbackOwner owner)
    {
        if (await owner.TryUnregister(ReminderName, logger))
            _armed = false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Grain}: the reminder that resumes its callback could not be registered")]
    private partial void LogNotArmed(Exception exception, GrainId grain);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Grain}: its callback FAILED after {Attempts} attempts: {LastError}")]
    private partial void LogGaveUp(GrainId grain, int attempts, string? lastError);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Grain}: its silo is stopping, so its callback (after {Attempts} attempts) is left to its reminder")]
    private partial void LogHandedOver(GrainId grain, int attempts);
}
