namespace Orleans.Faas.Secrets;

/// <summary>The stored secrets of one namespace, by name; each value only as its ciphertext.</summary>
[GenerateSerializer, Alias("faas.SecretsRecord")]
public sealed class SecretsRecord
{
    [Id(0)]
    public Dictionary<string, StoredSecret> Secrets { get; set; } = new(StringComparer.Ordinal);
}

/// <param name="Ciphertext">The value as <see cref="SecretCipher"/> protected it.</param>
[GenerateSerializer, Immutable, Alias("faas.StoredSecret")]
public sealed record StoredSecret(
    [property: Id(0)] byte[] Ciphertext,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] DateTimeOffset UpdatedAt);
