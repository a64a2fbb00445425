using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Faas.Retention;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Idempotency;

public sealed partial class IdempotencyGrain(
    [PersistentState("idempotency", FaasStorage.Name)] IPersistentState<IdempotencyRecord> state,
    Expiry expiry,
    IOptions<TaskOptions> tasks,
    TimeProvider clock,
    ILogger<IdempotencyGrain> logger)
    : Grain, IIdempotencyGrain
{
    /// <summary>Whether this silo said that the gateway's window is cut to the retention; once is enough.</summary>
    private static int _saidCut;

    public async Task<Guid> Claim(Guid candidate, TimeSpan window, byte[] requestDigest)
    {
        var now = clock.GetUtcNow();
        if (state.State.TaskId is { } claimed && now < state.State.ExpiresAt)
        {
            return state.State.RequestDigest is not { } digest || digest.AsSpan().SequenceEqual(requestDigest)
                ? claimed
                : throw new IdempotencyKeyReusedException(claimed);
        }

        (state.State.TaskId, state.State.ClaimedAt, state.State.ExpiresAt, state.State.RequestDigest) = (candidate, now, now + Kept(window), requestDigest);
        await state.WriteStateAsync();
        expiry.ExpireAt(this.GetGrainId(), state.State.ExpiresAt);
        return candidate;
    }

    public async Task Expire()
    {
        if (state.State.TaskId is not null && clock.GetUtcNow() < state.State.ExpiresAt)
            expiry.ExpireAt(this.GetGrainId(), state.State.ExpiresAt);
        else
            await Expiry.Forget(this, state);
    }

    /// <summary>
    /// A key kept longer than its task would submit the task again once it expired: the window is cut to the retention,
    /// within which a task claimed now still exists.
    /// </summary>
    private TimeSpan Kept(TimeSpan window)
    {
        var retention = tasks.Value.Retention;
        if (window <= retention)
            return window;
        if (Interlocked.Exchange(ref _saidCut, 1) == 0)
            LogWindowCut(window, retention);
        return retention;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Faas:Gateway:IdempotencyWindow ({Window}) is longer than Faas:Tasks:Retention ({Retention}); keys are kept for the retention, as their tasks are")]
    private partial void LogWindowCut(TimeSpan window, TimeSpan retention);
}
