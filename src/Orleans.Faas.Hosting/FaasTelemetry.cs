using Microsoft.AspNetCore.Http;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Faas.Telemetry;

namespace Orleans.Faas.Hosting;

/// <summary>
/// One place for telemetry: metrics (Orleans', ASP.NET Core's and ours) served at <c>/metrics</c> for Prometheus, and,
/// with an OTLP endpoint, traces of HTTP requests, grain calls and the platform's own spans (<see cref="FaasTracing"/>).
/// </summary>
internal static class FaasTelemetry
{
    private static readonly string[] CommonMeters = ["Microsoft.Orleans", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"];

    /// <summary>The spans of grain calls that Orleans' activity propagation records.</summary>
    private static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    /// <param name="instance">Which one of its kind this host is (a silo's node name), as its spans say.</param>
    public static TelemetryOptions AddFaasTelemetry(this WebApplicationBuilder builder, string instance, params string[] meters)
    {
        var telemetry = builder.Read<TelemetryOptions>(TelemetryOptions.Section);
        var otel = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddMeter([.. CommonMeters, .. meters])
                .AddPrometheusExporter());
        // Without an endpoint no tracer provider exists, so no span is ever started, not even to be dropped.
        if (telemetry.ExportsTraces)
            otel.WithTracing(tracing => tracing
                .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName, serviceInstanceId: instance))
                .AddSource([FaasTracing.SourceName, .. OrleansSources])
                .AddAspNetCoreInstrumentation(o => o.Filter = IsApiCall)
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (telemetry.Otlp.TracesEndpoint, telemetry.Otlp.Protocol)));
        return telemetry;
    }

    public static IEndpointConventionBuilder MapFaasMetrics(this WebApplication app) => app.MapPrometheusScrapingEndpoint("/metrics");

    /// <summary>Scrapes and probes come every few seconds and say nothing about a task: they are not traced.</summary>
    private static bool IsApiCall(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/metrics") && !context.Request.Path.StartsWithSegments("/healthz") && !context.Request.Path.StartsWithSegments("/readyz");
}
