using OpenTelemetry.Metrics;

namespace Orleans.Faas.Hosting;

/// <summary>One place for metrics: Orleans', ASP.NET Core's and ours, served at <c>/metrics</c> for Prometheus.</summary>
internal static class FaasTelemetry
{
    private static readonly string[] CommonMeters = ["Microsoft.Orleans", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"];

    public static void AddFaasTelemetry(this WebApplicationBuilder builder, params string[] meters) =>
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter([.. CommonMeters, .. meters])
            .AddPrometheusExporter());

    public static IEndpointConventionBuilder MapFaasMetrics(this WebApplication app) => app.MapPrometheusScrapingEndpoint("/metrics");
}
