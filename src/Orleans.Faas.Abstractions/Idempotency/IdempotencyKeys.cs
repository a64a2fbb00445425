using System.Security.Cryptography;
using System.Text;

namespace Orleans.Faas.Idempotency;

/// <summary>Where an idempotency key lives: the gateway's keys from callers, and the keys triggers make per firing.</summary>
public static class IdempotencyKeys
{
    /// <summary>
    /// The key's grain: a digest of its scope (a function's qualified name, with what is made when it is not a task)
    /// and the key, so that one function's keys, or one namespace's, never meet another's. 128 bits of SHA-256 make
    /// two pairs sharing a grain beyond likely.
    /// </summary>
    public static Guid Grain(string scope, string key) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{scope}\n{key}")).AsSpan(0, 16));
}
