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
    public async Task<Guid> Claim(Guid candidate, TimeSpan window)
    {
        var now = clock.GetUtcNow();
        if (state.State.TaskId is { } claimed && now < state.State.ExpiresAt)
            return claimed;

        await state.Change(copier, r => (r.TaskId, r.ClaimedAt, r.ExpiresAt) = (candidate, now, now + window));
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
}
