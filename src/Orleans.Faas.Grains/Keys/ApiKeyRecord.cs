namespace Orleans.Faas.Keys;

[GenerateSerializer, Alias("faas.ApiKeyRecord")]
public sealed class ApiKeyRecord
{
    [Id(0)]
    public ApiKeyGrant? Grant { get; set; }

    /// <summary>SHA-256 of the key's secret; the secret itself is never stored.</summary>
    [Id(1)]
    public byte[] SecretHash { get; set; } = [];
}
