using Orleans.Faas.Registry;

namespace Orleans.Faas.Providers;

public sealed class ProviderGrain(
    [PersistentState("provider", FaasStorage.Name)] IPersistentState<ProviderRecord> state,
    TimeProvider clock)
    : Grain, IProviderGrain
{
    // Load changes with every task; it is reported again by the worker, so it is not worth a storage write.
    private ProviderLoad? _load;

    public async Task Register(ProviderRegistration registration)
    {
        state.State.Registration = registration;
        state.State.Status = ProviderStatus.Ready;
        state.State.RegisteredAt = clock.GetUtcNow();
        _load = null;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IRegistryGrain>(Registries.Providers).Add(this.GetPrimaryKeyString());
    }

    public Task ReportLoad(ProviderLoad load)
    {
        _load = load;
        return Task.CompletedTask;
    }

    public Task<ProviderSnapshot?> GetSnapshot() => Task.FromResult(
        state.State.Registration is not { } registration
            ? null
            : new ProviderSnapshot(
                this.GetPrimaryKeyString(),
                registration.Facts,
                registration.Runtimes,
                state.State.Status,
                _load ?? ProviderLoad.Idle with { Slots = registration.Slots },
                registration.Silo,
                state.State.RegisteredAt));
}
