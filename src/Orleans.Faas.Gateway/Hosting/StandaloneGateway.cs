using Orleans.Faas.Hosting;

namespace Orleans.Faas.Gateway.Hosting;

/// <summary>The gateway on its own: a stateless Orleans client in front of a running cluster, built and mapped, not yet started.</summary>
public static class StandaloneGateway
{
    public static (WebApplication App, DeploymentOptions Deployment, GatewayOptions Gateway) Build(WebApplicationBuilder builder)
    {
        var (cluster, deployment, telemetry) = builder.AddFaasDefaults(Environment.MachineName);
        var gateway = builder.AddFaasGateway();
        builder.UseFaasClient(deployment, cluster, telemetry);

        var app = builder.Build();
        app.MapFaasGateway(gateway);
        app.MapFaasDefaults();
        return (app, deployment, gateway);
    }
}
