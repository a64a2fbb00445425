using Orleans.Faas.Gateway.Hosting;

// The gateway on its own: a stateless Orleans client in front of a running cluster.
var builder = WebApplication.CreateBuilder(args);
var cluster = builder.Read<ClusterIdentityOptions>(ClusterIdentityOptions.Section);
builder.AddFaasGateway();
builder.UseOrleansClient(client => client.UseLocalhostClustering(
    builder.Configuration.GetValue("Faas:Silo:GatewayPort", 30000), cluster.ServiceId, cluster.ClusterId));

var app = builder.Build();
app.MapFaasGateway();
app.Run();
