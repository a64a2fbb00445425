using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Orleans.Faas.Silo.Hosting;

/// <summary>Healthy once this silo is an active member of its cluster: joined, and not yet shutting down.</summary>
public sealed class SiloJoinedHealthCheck(ISiloStatusOracle membership) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(membership.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy("The silo is an active member of its cluster.")
            : HealthCheckResult.Unhealthy($"The silo is {membership.CurrentStatus}, not an active member of its cluster."));
}
