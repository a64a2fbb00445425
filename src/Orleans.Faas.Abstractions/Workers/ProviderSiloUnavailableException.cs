namespace Orleans.Faas.Workers;

/// <summary>No live silo carries the provider's name, so its worker cannot be activated.</summary>
[GenerateSerializer, Alias("faas.ProviderSiloUnavailableException")]
public sealed class ProviderSiloUnavailableException(string providerId)
    : Exception($"No active silo is named '{providerId}'.")
{
    [Id(0)]
    public string ProviderId { get; } = providerId;
}
