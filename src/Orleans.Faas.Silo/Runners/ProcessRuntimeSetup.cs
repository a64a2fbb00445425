using Orleans.Faas.Gateway.Hosting;
using Orleans.Faas.Hosting;
using Orleans.Faas.Runtime.Docker;
using Orleans.Faas.Runtime.Processes;
using Orleans.Faas.Runtime.Runners;

namespace Orleans.Faas.Silo.Runners;

/// <summary>
/// Whether this node offers the process runtime, which runs commands on the node itself: as its operator sets
/// <c>Faas:Process:Enabled</c>, else only for the embedded silo with its gateway on loopback, one person's own machine.
/// </summary>
public static class ProcessRuntimeSetup
{
    /// <returns>What the start-up log says of the process runtime: the box its runs get, or why it is off.</returns>
    public static async Task<(bool Offered, string Description)> AddProcessRunner(this WebApplicationBuilder builder, DeploymentOptions deployment, DockerOptions box)
    {
        var options = builder.Read<ProcessOptions>(ProcessOptions.Section);
        var gateway = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        var ownMachine = deployment.Mode == FaasMode.Embedded && gateway.ListensOnLoopbackOnly;
        if (!(options.Enabled ?? ownMachine))
        {
            var why = options.Enabled is null
                ? "on by default only for an embedded silo whose gateway listens on loopback; set Faas:Process:Enabled=true to offer it"
                : "Faas:Process:Enabled is false";
            return (false, $"off ({why})");
        }
        if (!File.Exists(options.LauncherPath))
            return (false, $"off (its launcher is missing at {options.LauncherPath}; it is built with the silo when a C compiler is installed)");

        var sandbox = await ProcessSandbox.PrepareAsync(options, box);
        builder.Services.AddSingleton(sandbox);
        builder.Services.AddSingleton<IFunctionRunner, ProcessRunner>();
        return (true, sandbox.Describe());
    }
}
