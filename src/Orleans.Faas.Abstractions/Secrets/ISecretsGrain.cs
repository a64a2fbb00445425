using System.Collections.Immutable;

namespace Orleans.Faas.Secrets;

/// <summary>
/// The secrets of one namespace (the grain's key), by name. Values are encrypted with the cluster's Data Protection keys
/// before they are stored, and no method returns a value in clear: a node decrypts what <see cref="ReadProtected"/> gives
/// only to mount it into a container.
/// </summary>
[Alias("faas.ISecretsGrain")]
public interface ISecretsGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the secret; true when it was created.</summary>
    [Alias("Set")]
    Task<bool> Set(string name, byte[] value);

    /// <summary>Every secret's name and times, by name; never a value.</summary>
    [AlwaysInterleave, Alias("List")]
    Task<ImmutableArray<SecretInfo>> List();

    /// <summary>Removes the secret; false when there was none.</summary>
    [Alias("Delete")]
    Task<bool> Delete(string name);

    /// <summary>Which of <paramref name="names"/> are not secrets of this namespace.</summary>
    [AlwaysInterleave, Alias("Missing")]
    Task<ImmutableArray<string>> Missing(ImmutableArray<string> names);

    /// <summary>The stored ciphertext of each of <paramref name="names"/> that exists, for the node that mounts them.</summary>
    [AlwaysInterleave, Alias("ReadProtected")]
    Task<ImmutableDictionary<string, byte[]>> ReadProtected(ImmutableArray<string> names);
}
