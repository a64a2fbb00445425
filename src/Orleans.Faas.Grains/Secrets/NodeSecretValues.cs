using System.Collections.Immutable;
using System.Security.Cryptography;
using Orleans.Faas.Functions;
using Orleans.Faas.Namespaces;
using Orleans.Faas.Runtime.Runners;
using Orleans.Faas.Runtime.Secrets;

namespace Orleans.Faas.Secrets;

/// <summary>Reads a function's secrets from its namespace's grain as ciphertext and decrypts them on this node, the one that mounts them.</summary>
public sealed class NodeSecretValues(IGrainFactory grains, SecretCipher cipher) : ISecretValues
{
    public async Task<IReadOnlyDictionary<string, byte[]>> ReadAsync(FunctionDefinition function, CancellationToken cancellationToken)
    {
        var @namespace = QualifiedName.NamespaceOf(function.Name);
        var values = await ReadAsync(@namespace, function.Secrets, cancellationToken);
        var missing = function.Secrets.Where(name => !values.ContainsKey(name)).ToList();
        if (missing.Count > 0)
            throw new FunctionStartException(
                $"Function '{function.Name}' needs secret(s) {string.Join(", ", missing.Select(n => $"'{n}'"))}, which no longer exist in namespace '{@namespace}'.");
        return values;
    }

    /// <summary>The values of those of <paramref name="names"/> that are secrets of the namespace, decrypted on this node.</summary>
    public async Task<IReadOnlyDictionary<string, byte[]>> ReadAsync(string @namespace, ImmutableArray<string> names, CancellationToken cancellationToken)
    {
        var stored = await grains.GetGrain<ISecretsGrain>(@namespace).ReadProtected(names).WaitAsync(cancellationToken);
        return stored.ToDictionary(pair => pair.Key, pair => Decrypt(@namespace, pair.Key, pair.Value));
    }

    private byte[] Decrypt(string @namespace, string name, byte[] ciphertext)
    {
        try
        {
            return cipher.Unprotect(@namespace, name, ciphertext);
        }
        catch (CryptographicException e)
        {
            // The exception's own text names no value; it says which key was missing or that the data was altered.
            throw new FunctionStartException($"Secret '{name}' cannot be decrypted on this node: {e.Message}", e);
        }
    }
}
