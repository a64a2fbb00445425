using Orleans.Configuration;
using Orleans.Faas;
using Orleans.Faas.Gateway.Hosting;
using Orleans.Faas.Silo.Hosting;
using Orleans.Faas.Silo.Providers;
using Orleans.Faas.Silo.Runners;

// Embedded mode: one silo with localhost clustering and in-memory state, hosting the HTTP gateway too.
var builder = WebApplication.CreateBuilder(args);
var host = builder.Read<SiloHostOptions>(SiloHostOptions.Section);
var cluster = builder.Read<ClusterIdentityOptions>(ClusterIdentityOptions.Section);

builder.UseOrleans(silo =>
{
    silo.UseLocalhostClustering(host.SiloPort, host.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
    silo.Configure<SiloOptions>(o => o.SiloName = host.NodeName);
    silo.AddMemoryGrainStorage(FaasStorage.Name);
    silo.AddFaasGrains();
    silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, ProviderAnnouncer>();
});
var runners = await builder.AddFunctionRunners();
var gateway = builder.AddFaasGateway();

var app = builder.Build();
app.MapFaasGateway();
app.Logger.LogInformation("{Runners}", runners);
app.Logger.LogInformation("Orleans.Faas node {NodeName}: embedded mode, in-memory state, gateway on {Url}",
    host.NodeName, gateway.Url);
await app.RunAsync();
