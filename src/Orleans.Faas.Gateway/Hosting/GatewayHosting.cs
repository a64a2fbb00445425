using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Faas.Gateway.Auth;
using Orleans.Faas.Gateway.Batches;
using Orleans.Faas.Gateway.Benchmarks;
using Orleans.Faas.Gateway.Chains;
using Orleans.Faas.Gateway.Compat;
using Orleans.Faas.Gateway.Executions;
using Orleans.Faas.Gateway.Functions;
using Orleans.Faas.Gateway.Invocations;
using Orleans.Faas.Gateway.Keys;
using Orleans.Faas.Gateway.Models;
using Orleans.Faas.Gateway.Namespaces;
using Orleans.Faas.Gateway.Predictions;
using Orleans.Faas.Gateway.Problems;
using Orleans.Faas.Gateway.Profiles;
using Orleans.Faas.Gateway.Providers;
using Orleans.Faas.Gateway.Secrets;
using Orleans.Faas.Gateway.Tasks;
using Orleans.Faas.Gateway.Triggers;
using Orleans.Faas.Hosting;
using Orleans.Faas.Hosting.Ports;
using Orleans.Faas.HttpModel.Callbacks;
using Orleans.Faas.HttpModel.Json;

namespace Orleans.Faas.Gateway.Hosting;

/// <summary>Adds the HTTP API to a web host, whether that host is a silo or a standalone gateway (an Orleans client).</summary>
public static class GatewayHosting
{
    /// <returns>The gateway's options as configured, for the host's start-up log.</returns>
    public static GatewayOptions AddFaasGateway(this WebApplicationBuilder builder)
    {
        var options = builder.Read<GatewayOptions>(GatewayOptions.Section);
        ListeningPorts.ThrowIfTaken(ListeningPorts.OfUrls(options.Url).Select(port => ("HTTP gateway", port, "Faas:Gateway:Url")));

        builder.WebHost.UseUrls(options.Url);
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxPayloadBytes);
        builder.Services.ConfigureHttpJsonOptions(json => FaasJson.Configure(json.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddSingleton<RequestBody>();
        builder.Services.AddOpenApi();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddFaasAuth(options);
        builder.Read<NamespaceOptions>(NamespaceOptions.Section);
        builder.Services.AddSingleton<NamespaceAdmission>();
        builder.Services.AddSingleton<Invoker>();
        builder.Services.AddSingleton<Compat.ChainFaas.ServiceRun>();
        builder.Read<CallbackOptions>(CallbackOptions.Section);
        builder.Services.TryAddSingleton<CallbackUrlPolicy>();
        builder.Read<CompatOptions>(CompatOptions.Section);
        return options;
    }

    public static WebApplication MapFaasGateway(this WebApplication app, GatewayOptions options)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The docs page is static and public; it comes before authentication so that keys are not asked for it.
        app.UseSwaggerUI(ui =>
        {
            ui.SwaggerEndpoint("/openapi/v1.json", "Orleans.Faas v1");
            ui.RoutePrefix = "docs";
            ui.DocumentTitle = "Orleans.Faas API";
        });
        app.UseFaasAuth(options);

        var v1 = app.MapGroup("/v1");
        v1.DefaultToAdmin();
        v1.MapFunctionEndpoints();
        v1.MapInvocationEndpoints();
        v1.MapBatchEndpoints();
        v1.MapTaskEndpoints();
        v1.MapChainEndpoints();
        v1.MapProviderEndpoints();
        v1.MapExecutionEndpoints();
        v1.MapBenchmarkEndpoints();
        v1.MapProfileEndpoints();
        v1.MapPredictionEndpoints();
        v1.MapModelEndpoints();
        v1.MapKeyEndpoints();
        v1.MapSecretEndpoints();
        v1.MapTriggerEndpoints();
        app.MapCompatEndpoints(app.Services.GetRequiredService<IOptions<CompatOptions>>().Value);

        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
