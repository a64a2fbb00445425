using Orleans.Faas.Functions;
using Orleans.Faas.Providers;

namespace Orleans.Faas.Scheduling;

/// <summary>Whether a provider named by the caller, for a pinned task or a benchmark, can take work now; pinned work never moves elsewhere.</summary>
public static class PinnedProviders
{
    /// <returns>The provider, when it is ready and has the runtime.</returns>
    /// <exception cref="PinnedProviderUnavailableException">It is not ready, or has no such runtime.</exception>
    public static ProviderSnapshot Ready(ProviderSnapshot provider, FunctionRuntime runtime)
    {
        if (provider.Status != ProviderStatus.Ready)
            throw new PinnedProviderUnavailableException(provider.Id, provider.Status, "it takes no new tasks.");
        return provider.Runtimes.Contains(runtime)
            ? provider
            : throw new PinnedProviderUnavailableException(provider.Id, provider.Status, $"it has no {runtime.ToString().ToLowerInvariant()} runtime.");
    }
}
