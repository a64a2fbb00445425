using System.Security.Cryptography;
using Orleans.Faas.Registry;
using Orleans.Serialization;

namespace Orleans.Faas.Keys;

public sealed class ApiKeyGrain(
    [PersistentState("apiKey", FaasStorage.Name)] IPersistentState<ApiKeyRecord> state,
    DeepCopier<ApiKeyRecord> copier)
    : Grain, IApiKeyGrain
{
    private readonly StoredRecord<ApiKeyRecord> _record = new(state, copier);

    private ApiKeyRecord Record => _record.Current;

    private IRegistryGrain Registry => GrainFactory.GetGrain<IRegistryGrain>(Registries.Keys);

    public async Task<bool> Issue(ApiKeyGrant grant, byte[] secretHash)
    {
        if (Record.Grant is not null)
            return false;
        if (grant.Id != this.GetPrimaryKeyString())
            throw new ArgumentException($"Key '{grant.Id}' was sent to key '{this.GetPrimaryKeyString()}'.", nameof(grant));
        await _record.Change(r => (r.Grant, r.SecretHash) = (grant, secretHash));
        await Registry.Add(grant.Id);
        return true;
    }

    // The hash is of 32 random bytes, so comparing hashes in constant time is all the secret needs.
    public Task<ApiKeyGrant?> Authenticate(byte[] secretHash) => Task.FromResult(
        Record.Grant is { } grant && CryptographicOperations.FixedTimeEquals(Record.SecretHash, secretHash) ? grant : null);

    public Task<ApiKeyGrant?> GetGrant() => Task.FromResult(Record.Grant);

    public async Task<bool> Revoke()
    {
        if (Record.Grant is null)
            return false;
        await _record.Clear();
        await Registry.Remove(this.GetPrimaryKeyString());
        return true;
    }
}
