using Orleans.Faas.Hosting;
using StackExchange.Redis;

namespace Orleans.Faas.Gateway.Hosting;

public static class GatewayClustering
{
    /// <summary>
    /// Makes this web host an Orleans client: through Redis membership in cluster mode (any number of gateways),
    /// or straight to the local silo's gateway port in embedded mode. Its calls carry the request's trace when traces are exported.
    /// </summary>
    public static void UseFaasClient(this WebApplicationBuilder builder, DeploymentOptions deployment, ClusterIdentityOptions cluster, TelemetryOptions telemetry) =>
        builder.UseOrleansClient(client =>
        {
            if (telemetry.ExportsTraces)
                client.AddActivityPropagation();
            if (deployment.Mode == FaasMode.Cluster)
            {
                client.Configure<Orleans.Configuration.ClusterOptions>(cluster.ApplyTo);
                client.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(deployment.Redis!));
            }
            else
            {
                client.UseLocalhostClustering(builder.Configuration.GetValue("Faas:Silo:GatewayPort", 30000), cluster.ServiceId, cluster.ClusterId);
            }
        });
}
