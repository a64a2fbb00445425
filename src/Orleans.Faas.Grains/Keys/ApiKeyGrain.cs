using System.Security.Cryptography;
using Orleans.Faas.Registry;
using Orleans.Serialization;

namespace Orleans.Faas.Keys;

public sealed class ApiKeyGrain(
    [PersistentState("apiKey", FaasStorage.Name)] IPersistentState<ApiKeyRecord> state,
    DeepCopier<ApiKeyRecord> copier)
    : Grain, IApiKeyGrain
{
    private IRegistryGrain Registry => GrainFactory.GetGrain<IRegistryGrain>(Registries.Keys);

    public async Task<bool> Issue(ApiKeyGrant grant, byte[] secretHash)
    {
        if (state.State.Grant is not null)
            return false;
        if (grant.Id != this.GetPrimaryKeyString())
            throw new ArgumentException($"Key '{grant.Id}' was sent to key '{this.GetPrimaryKeyString()}'.", nameof(grant));
        await state.Change(copier, r => (r.Grant, r.SecretHash) = (grant, secretHash));
        await Registry.Add(grant.Id);
        return true;
    }

    // The hash is of 32 random bytes, so comparing hashes in constant time is all the secret needs.
    public Task<ApiKeyGrant?> Authenticate(byte[] secretHash) => Task.FromResult(
        state.State.Grant is { } grant && CryptographicOperations.FixedTimeEquals(state.State.SecretHash, secretHash) ? grant : null);

    public Task<ApiKeyGrant?> GetGrant() => Task.FromResult(state.State.Grant);

    public async Task<bool> Revoke()
    {
        if (state.State.Grant is null)
            return false;
        await state.ClearStateAsync();
        state.State = new ApiKeyRecord();
        await Registry.Remove(this.GetPrimaryKeyString());
        return true;
    }
}
