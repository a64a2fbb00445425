using Orleans.Faas.Providers;

namespace Orleans.Faas.Scheduling;

/// <summary>A task pinned to a provider that cannot take it now: pinned work never moves elsewhere.</summary>
[GenerateSerializer, Alias("faas.PinnedProviderUnavailableException")]
public sealed class PinnedProviderUnavailableException(string provider, ProviderStatus status, string why)
    : Exception($"The task is pinned to provider '{provider}', which is {status.ToString().ToUpperInvariant()}: {why}")
{
    [Id(0)]
    public string Provider { get; } = provider;

    [Id(1)]
    public ProviderStatus Status { get; } = status;
}
