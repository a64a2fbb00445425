using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Faas.Registry;

namespace Orleans.Faas.Hosting;

/// <summary>Healthy when a grain call through the cluster answers within a few seconds.</summary>
public sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var providers = await grains.GetGrain<IRegistryGrain>(Registries.Providers).List().WaitAsync(Budget, cancellationToken);
            return HealthCheckResult.Healthy($"{providers.Count} provider(s) registered.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The Orleans cluster did not answer.", e);
        }
    }
}
