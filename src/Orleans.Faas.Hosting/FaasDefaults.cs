using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Orleans.Faas.Hosting;

/// <summary>
/// What every host of the platform, a silo or a standalone gateway, sets up the same way: which cluster it belongs to
/// and how it finds it, metrics for Prometheus at <c>/metrics</c> (every health check's latest result among them), traces
/// over OTLP when an endpoint is set, the cluster health check at <c>/healthz</c>, and at <c>/readyz</c> whether it can
/// serve (the checks tagged <see cref="ReadyTag"/>); all open to anyone, and <c>/metrics</c> to admin keys alone with
/// <c>Faas:Auth:ProtectMetrics</c>.
/// </summary>
public static class FaasDefaults
{
    /// <summary>The authorization policy <c>/metrics</c> needs; the host's gateway defines it (anyone, or admins alone).</summary>
    public const string MetricsPolicy = "metrics";

    /// <summary>The tag of the checks <c>/healthz</c> answers by: whether the host works at all.</summary>
    public const string LiveTag = "live";

    /// <summary>
    /// The tag of the checks <c>/readyz</c> answers by, where a load balancer looks: whether the host can serve now. A
    /// host adds its own, such as a silo's storage and cluster membership.
    /// </summary>
    public const string ReadyTag = "ready";

    /// <param name="instance">Which one of its kind this host is (a silo's node name), as its spans say.</param>
    /// <param name="meters">The host's own meters, served beside Orleans' and ASP.NET Core's.</param>
    /// <returns>
    /// The cluster this host belongs to, how it finds it, and whether it exports traces (its Orleans silo or client
    /// then propagates them), read and validated while the host is built.
    /// </returns>
    public static (ClusterIdentityOptions Cluster, DeploymentOptions Deployment, TelemetryOptions Telemetry) AddFaasDefaults(
        this WebApplicationBuilder builder, string instance, params string[] meters)
    {
        var cluster = builder.Read<ClusterIdentityOptions>(ClusterIdentityOptions.Section);
        var deployment = builder.Read<DeploymentOptions>(DeploymentOptions.Section);
        var telemetry = builder.AddFaasTelemetry(instance, [.. meters, HealthCheckGauge.MeterName]);
        builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("orleans", tags: [LiveTag, ReadyTag]);
        builder.Services.AddSingleton<IHealthCheckPublisher, HealthCheckGauge>();
        // From the start, rather than after ASP.NET Core's default delay of 5 s, so that the first scrape finds the gauge.
        builder.Services.Configure<HealthCheckPublisherOptions>(o => (o.Delay, o.Period) = (TimeSpan.Zero, HealthCheckGauge.Period));
        return (cluster, deployment, telemetry);
    }

    public static WebApplication MapFaasDefaults(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", Tagged(LiveTag)).AllowAnonymous();
        app.MapHealthChecks("/readyz", Tagged(ReadyTag)).AllowAnonymous();
        app.MapFaasMetrics().RequireAuthorization(MetricsPolicy);
        return app;
    }

    private static HealthCheckOptions Tagged(string tag) => new() { Predicate = check => check.Tags.Contains(tag) };
}
