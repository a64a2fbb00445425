using Orleans.Faas.Retention;

namespace Orleans.Faas.Idempotency;

public sealed class IdempotencyGrain(
    [PersistentState("idempotency", FaasStorage.Name)] IPersistentState<IdempotencyRecord> state,
    Expiry expiry,
    TimeProvider clock)
    : Grain, IIdempotencyGrain
{
    public async Task<Guid> Claim(Guid candidate, TimeSpan window)
    {
        var now = clock.GetUtcNow();
        if (state.State.TaskId is { } claimed && now < state.State.ExpiresAt)
            return claimed;

        (state.State.TaskId, state.State.ClaimedAt, state.State.ExpiresAt) = (candidate, now, now + window);
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
}
