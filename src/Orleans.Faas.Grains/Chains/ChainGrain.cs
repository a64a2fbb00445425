using Orleans.Faas.Callbacks;
using Orleans.Faas.Functions;
using Orleans.Faas.HttpModel.Chains;
using Orleans.Faas.Registry;
using Orleans.Serialization;

namespace Orleans.Faas.Chains;

public sealed class ChainGrain(
    [PersistentState("chain", FaasStorage.Name)] IPersistentState<ChainRecord> state,
    DeepCopier<ChainRecord> copier,
    TimeProvider clock)
    : Grain, IChainGrain
{
    private string Name => this.GetPrimaryKeyString();

    private readonly StoredRecord<ChainRecord> _record = new(state, copier);

    private ChainRecord Record => _record.Current;

    private IRegistryGrain Registry => GrainFactory.GetGrain<IRegistryGrain>(Registries.Chains);

    public async Task<ChainRegistration> Define(ChainDefinition definition)
    {
        var errors = ChainDefinitionValidator.Validate(definition);
        if (!errors.IsEmpty)
            throw new InvalidChainDefinitionException(errors);
        if (definition.Name != Name)
            throw new ArgumentException($"Definition '{definition.Name}' was sent to chain '{Name}'.", nameof(definition));
        if (Record.Versions.LastOrDefault() is { } latest && Same(latest.Definition, definition))
        {
            // A definition stored while its listing was not is listed when it is sent again.
            await Registry.Add(Name);
            return new ChainRegistration(latest, Created: false, Record.CallbackSecret);
        }

        var version = new ChainVersion(definition, Record.LastVersion + 1, clock.GetUtcNow());
        await _record.Change(r =>
        {
            r.Versions.Add(version);
            r.LastVersion = version.Version;
            r.CallbackSecret ??= CallbackSignature.NewSecret();
        });
        await Registry.Add(Name);
        return new ChainRegistration(version, Created: true, Record.CallbackSecret);
    }

    public Task<ChainVersion?> GetLatest() => Task.FromResult(Record.Versions.LastOrDefault());

    public async Task<bool> Delete()
    {
        if (Record.Versions.Count == 0)
            return false;

        await _record.Change(r =>
        {
            r.Versions.Clear();
            r.CallbackSecret = null;
        });
        await Registry.Remove(Name);
        return true;
    }

    public Task<string?> GetCallbackSecret() => Task.FromResult(Record.Versions.Count == 0 ? null : Record.CallbackSecret);

    public async Task<ChainRunSnapshot> StartRun(byte[] input, string? callbackUrl) =>
        await GrainFactory.GetGrain<IChainRunGrain>(Guid.NewGuid()).Start(await RunRequest(input, callbackUrl));

    public async Task<ChainRunSnapshot> StartRunAs(Guid runId, byte[] input) =>
        await GrainFactory.GetGrain<IChainRunGrain>(runId).StartIfNew(await RunRequest(input, callbackUrl: null));

    /// <summary>A run of the latest version, once every step's function is registered.</summary>
    private async Task<ChainRunRequest> RunRequest(byte[] input, string? callbackUrl)
    {
        var latest = Record.Versions.LastOrDefault() ?? throw new ChainNotFoundException(Name);
        // A run whose step names no function would only fail later; say so now, before anything runs.
        foreach (var function in latest.Definition.Steps.Select(s => s.Function).Distinct())
        {
            if (await GrainFactory.GetGrain<IFunctionGrain>(function).GetLatest() is null)
                throw new FunctionNotFoundException(function);
        }
        return new ChainRunRequest(Name, latest.Version, latest.Definition.Steps, input, callbackUrl);
    }

    // Member by member: record equality compares the steps array by reference.
    private static bool Same(ChainDefinition a, ChainDefinition b) => a.Name == b.Name && a.Steps.SequenceEqual(b.Steps);
}
