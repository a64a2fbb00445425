using System.Collections.Immutable;
using Orleans.Faas.HttpModel.Secrets;
using Orleans.Serialization;

namespace Orleans.Faas.Secrets;

/// <summary>One namespace's secrets: ciphertext in its state, encrypted here before it is written.</summary>
public sealed class SecretsGrain(
    [PersistentState("secrets", FaasStorage.Name)] IPersistentState<SecretsRecord> state,
    DeepCopier<SecretsRecord> copier,
    SecretCipher cipher,
    TimeProvider clock)
    : Grain, ISecretsGrain
{
    private string Namespace => this.GetPrimaryKeyString();

    private readonly StoredRecord<SecretsRecord> _record = new(state, copier);

    private Dictionary<string, StoredSecret> Secrets => _record.Current.Secrets;

    public async Task<bool> Set(string name, byte[] value)
    {
        if (!SecretRules.IsValidName(name))
            throw new ArgumentException(SecretRules.NameRule, nameof(name));
        if (value.Length is 0 or > SecretRules.MaxValueBytes)
            throw new ArgumentException($"A secret's value must be 1 to {SecretRules.MaxValueBytes} bytes.", nameof(value));

        var now = clock.GetUtcNow();
        var created = !Secrets.TryGetValue(name, out var before);
        var secret = new StoredSecret(cipher.Protect(Namespace, name, value), before?.CreatedAt ?? now, now);
        await _record.Change(r => r.Secrets[name] = secret);
        return created;
    }

    public Task<ImmutableArray<SecretInfo>> List() =>
        Task.FromResult(Secrets.OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new SecretInfo(s.Key, s.Value.CreatedAt, s.Value.UpdatedAt))
            .ToImmutableArray());

    public async Task<bool> Delete(string name)
    {
        if (!Secrets.ContainsKey(name))
            return false;
        await _record.Change(r => r.Secrets.Remove(name));
        return true;
    }

    public Task<ImmutableArray<string>> Missing(ImmutableArray<string> names) =>
        Task.FromResult(names.Where(name => !Secrets.ContainsKey(name)).ToImmutableArray());

    public Task<ImmutableDictionary<string, byte[]>> ReadProtected(ImmutableArray<string> names) =>
        Task.FromResult(names.Where(Secrets.ContainsKey).Distinct().ToImmutableDictionary(name => name, name => Secrets[name].Ciphertext));
}
