using Orleans.Faas.Gateway.Hosting;
using Orleans.Faas.Hosting;

// The gateway on its own: a stateless Orleans client in front of a running cluster.
// appsettings.json is read from beside the binary, wherever it is started from (systemd, scripts, tests).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var (cluster, deployment) = builder.AddFaasDefaults();
var gateway = builder.AddFaasGateway();
builder.UseFaasClient(deployment, cluster);

var app = builder.Build();
app.MapFaasGateway(gateway);
app.MapFaasDefaults();
app.Logger.LogInformation("Orleans.Faas gateway: {Mode} mode, listening on {Url}", deployment.Mode, gateway.Url);
await app.RunAsync();
