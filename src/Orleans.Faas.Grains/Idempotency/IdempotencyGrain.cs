using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Faas.Retention;
using Orleans.Faas.Tasks;
using Orleans.Serialization;

namespace Orleans.Faas.Idempotency;

public sealed partial class IdempotencyGrain(
    [PersistentState("idempotency", FaasStorage.Name)] IPersistentState<IdempotencyRecord> state,
    DeepCopier<IdempotencyRecord> copier,
    Expiry expiry,
    IOptions<TaskOptions> tasks,
    TimeProvider clock,
    ILogger<IdempotencyGrain> logger)
    : Grain, IIdempotencyGrain
{
    /// <summary>Whether this silo said that the gateway's window is cut to the retention; once is enough.</summary>
    private static int _saidCut;

    private readonly StoredRecord<IdempotencyRecord> _record = new(state, copier);

    private IdempotencyRecord Record => _record.Current;

    public async Task<Guid> Claim(Guid candidate, TimeSpan window, byte[] requestDigest)
    {
        var now = clock.GetUtcNow();
        if (Record.TaskId is { } claimed && now < Record.ExpiresAt)
        {
            return Record.RequestDigest is not { } digest || digest.AsSpan().SequenceEqual(requestDigest)
                ? claimed
                : throw new IdempotencyKeyReusedException(claimed);
        }

        await _record.Change(r => (r.TaskId, r.ClaimedAt, r.ExpiresAt, r.RequestDigest) = (candidate, now, now + Kept(window), requestDigest));
        expiry.ExpireAt(this.GetGrainId(), Record.ExpiresAt);
        return candidate;
    }

    public async Task Expire()
    {
        if (Record.TaskId is not null && clock.GetUtcNow() < Record.ExpiresAt)
            expiry.ExpireAt(this.GetGrainId(), Record.ExpiresAt);
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
