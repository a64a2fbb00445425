using Orleans.Faas.Gateway.Hosting;

// appsettings.json is read from beside the binary, wherever it is started from (systemd, scripts, tests).
var (app, deployment, gateway) = StandaloneGateway.Build(
    WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory }));
app.Logger.LogInformation("Orleans.Faas gateway: {Mode} mode, listening on {Url}", deployment.Mode, gateway.Url);
await app.RunAsync();
