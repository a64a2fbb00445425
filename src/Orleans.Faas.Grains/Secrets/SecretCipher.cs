using Microsoft.AspNetCore.DataProtection;

namespace Orleans.Faas.Secrets;

/// <summary>
/// Encrypts and decrypts secret values with the node's Data Protection keys (in cluster mode, the key ring every silo
/// reads from PostgreSQL). Each ciphertext is bound to its namespace and name, so it decrypts under no other.
/// </summary>
public sealed class SecretCipher(IDataProtectionProvider provider)
{
    /// <summary>This purpose string isolates secrets from anything else the same keys protect.</summary>
    public const string Purpose = "Orleans.Faas.Secrets.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public byte[] Protect(string @namespace, string name, byte[] value) => For(@namespace, name).Protect(value);

    /// <exception cref="System.Security.Cryptography.CryptographicException">The key it was made with is not in the key ring, or it was altered.</exception>
    public byte[] Unprotect(string @namespace, string name, byte[] ciphertext) => For(@namespace, name).Unprotect(ciphertext);

    private IDataProtector For(string @namespace, string name) => _protector.CreateProtector(@namespace, name);
}
