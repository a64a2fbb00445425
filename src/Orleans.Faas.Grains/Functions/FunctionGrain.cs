using Orleans.Faas.Registry;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Functions;

public sealed class FunctionGrain(
    [PersistentState("function", FaasStorage.Name)] IPersistentState<FunctionRecord> state,
    TimeProvider clock)
    : Grain, IFunctionGrain
{
    private string Name => this.GetPrimaryKeyString();

    private IRegistryGrain Registry => GrainFactory.GetGrain<IRegistryGrain>(Registries.Functions);

    public async Task<FunctionVersion> Register(FunctionDefinition definition)
    {
        var errors = FunctionDefinitionValidator.Validate(definition);
        if (!errors.IsEmpty)
            throw new InvalidFunctionDefinitionException(errors);
        if (definition.Name != Name)
            throw new ArgumentException($"Definition '{definition.Name}' was sent to function '{Name}'.", nameof(definition));

        var version = new FunctionVersion(definition, state.State.LastVersion + 1, clock.GetUtcNow());
        state.State.Versions.Add(version);
        state.State.LastVersion = version.Version;
        await state.WriteStateAsync();
        await Registry.Add(Name);
        return version;
    }

    public Task<FunctionVersion?> GetLatest() => Task.FromResult(state.State.Versions.LastOrDefault());

    public async Task<bool> Delete()
    {
        if (state.State.Versions.Count == 0)
            return false;

        state.State.Versions.Clear();
        await state.WriteStateAsync();
        await Registry.Remove(Name);
        return true;
    }

    public async Task<Guid> Invoke(byte[] input)
    {
        var latest = state.State.Versions.LastOrDefault() ?? throw new FunctionNotFoundException(Name);
        var taskId = Guid.NewGuid();
        await GrainFactory.GetGrain<ITaskGrain>(taskId).Submit(new TaskSubmission(latest, input));
        return taskId;
    }
}
