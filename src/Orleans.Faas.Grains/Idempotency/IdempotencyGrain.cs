namespace Orleans.Faas.Idempotency;

public sealed class IdempotencyGrain(
    [PersistentState("idempotency", FaasStorage.Name)] IPersistentState<IdempotencyRecord> state,
    TimeProvider clock)
    : Grain, IIdempotencyGrain
{
    public async Task<Guid> Claim(Guid candidate, TimeSpan window)
    {
        var now = clock.GetUtcNow();
        if (state.State.TaskId is { } claimed && now - state.State.ClaimedAt < window)
            return claimed;

        state.State.TaskId = candidate;
        state.State.ClaimedAt = now;
        await state.WriteStateAsync();
        return candidate;
    }
}
