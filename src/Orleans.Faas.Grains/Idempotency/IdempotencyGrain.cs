using Orleans.Faas.Retention;
using Orleans.Serialization;

namespace Orleans.Faas.Idempotency;

public sealed class IdempotencyGrain(
    [PersistentState("idempotency", FaasStorage.Name)] IPersistentState<IdempotencyRecord> state,
    DeepCopier<IdempotencyRecord> copier,
    Expiry expiry,
    TimeProvider clock)
    : Grain, IIdempotencyGrain
{
    private readonly StoredRecord<IdempotencyRecord> _record = new(state, copier);

    private IdempotencyRecord Record => _record.Current;

    public async Task<Guid> Claim(Guid candidate, TimeSpan window)
    {
        var now = clock.GetUtcNow();
        if (Record.TaskId is { } claimed && now < Record.ExpiresAt)
            return claimed;

        await _record.Change(r => (r.TaskId, r.ClaimedAt, r.ExpiresAt) = (candidate, now, now + window));
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
}
