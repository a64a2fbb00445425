using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Orleans.Faas.Hosting;

namespace Orleans.Faas.Tests.Hosting;

/// <summary>Traces cost nothing unless an OTLP endpoint is set: without one there is no tracer provider, so no exporter.</summary>
public sealed class TracingSetupTests
{
    [Fact]
    public async Task Without_an_OTLP_endpoint_no_tracer_provider_and_so_no_exporter_is_registered()
    {
        var (telemetry, tracer) = await Built(endpoint: null);

        Assert.False(telemetry.ExportsTraces);
        Assert.Null(tracer);
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_traces_go_to_its_traces_path()
    {
        var (telemetry, tracer) = await Built(endpoint: "http://127.0.0.1:4318");

        Assert.True(telemetry.ExportsTraces);
        Assert.NotNull(tracer);
        Assert.Equal(new Uri("http://127.0.0.1:4318/v1/traces"), telemetry.Otlp.TracesEndpoint);
    }

    /// <summary>A host set up as the silo and the gateway set themselves up, built but never started.</summary>
    private static async Task<(TelemetryOptions Telemetry, TracerProvider? Tracer)> Built(string? endpoint)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Faas:Telemetry:Otlp:Endpoint"] = endpoint;
        var (_, _, telemetry) = builder.AddFaasDefaults("test-node");
        await using var app = builder.Build();
        return (telemetry, app.Services.GetService<TracerProvider>());
    }
}
