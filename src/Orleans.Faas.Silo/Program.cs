using Orleans.Configuration;
using Orleans.Faas;
using Orleans.Faas.Gateway.Hosting;
using Orleans.Faas.Hosting;
using Orleans.Faas.Hosting.Ports;
using Orleans.Faas.Prediction.OutOfProcess;
using Orleans.Faas.Silo.Hosting;
using Orleans.Faas.Silo.Providers;
using Orleans.Faas.Silo.Runners;
using Orleans.Faas.Storage.Schema;
using Orleans.Faas.Telemetry;

// One silo per node. Embedded mode (the default) also keeps all state in memory; cluster mode joins the others
// through Redis and keeps state in PostgreSQL. `migrate` applies the PostgreSQL schema and exits. `train` is the
// silo's own runtime model trainer, started as a child process: a request on stdin, the outcome on stdout, no configuration.
if (args is [TrainerCommand.Verb])
    return await TrainingCommand.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput(), CancellationToken.None);

// appsettings.json is read from beside the binary, wherever it is started from (systemd, scripts, tests).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var host = builder.Read<SiloHostOptions>(SiloHostOptions.Section);
var (cluster, deployment, telemetry) = builder.AddFaasDefaults(host.NodeName, FaasMetrics.MeterName);

if (args is ["migrate"])
    return await SchemaCommand.Migrate(deployment);

ListeningPorts.ThrowIfTaken([("Orleans silo", host.SiloPort, "Faas:Silo:SiloPort"), ("Orleans gateway", host.GatewayPort, "Faas:Silo:GatewayPort")]);
builder.UseOrleans(silo =>
{
    if (deployment.Mode == FaasMode.Cluster)
        silo.UseClusterMode(host, cluster, deployment);
    else
        silo.UseEmbeddedMode(host, cluster);
    silo.Configure<SiloOptions>(o => o.SiloName = host.NodeName);
    silo.AddFaasGrains();
    if (telemetry.ExportsTraces)
        silo.AddActivityPropagation();
    silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, ProviderAnnouncer>();
    silo.Services.AddHealthChecks().AddCheck<SiloJoinedHealthCheck>("joined", tags: [FaasDefaults.ReadyTag]);
});
var runners = await builder.AddFunctionRunners(host, deployment);
var gateway = builder.AddFaasGateway();

var app = builder.Build();
if (deployment.Mode == FaasMode.Cluster)
    await app.Services.GetRequiredService<SchemaMigrator>().ApplyAsync(CancellationToken.None);
app.MapFaasGateway(gateway);
app.MapFaasDefaults();
app.Logger.LogInformation("{Runners}", runners);
app.Logger.LogInformation("Orleans.Faas node {NodeName}: {Mode} mode, gateway on {Url}", host.NodeName, deployment.Mode, gateway.Url);
await app.RunAsync();
return 0;
