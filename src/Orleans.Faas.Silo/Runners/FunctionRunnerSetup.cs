using Orleans.Faas.Runtime.Docker;
using Orleans.Faas.Runtime.Processes;
using Orleans.Faas.Runtime.Runners;

namespace Orleans.Faas.Silo.Runners;

/// <summary>Chooses this node's runners at start-up: Docker when its engine answers, local processes always.</summary>
public static class FunctionRunnerSetup
{
    /// <returns>One line for the start-up log saying what was chosen and why.</returns>
    public static async Task<string> AddFunctionRunners(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DockerOptions>().BindConfiguration(DockerOptions.Section)
            .Validate(o => Uri.TryCreate(o.Endpoint, UriKind.Absolute, out _), "Faas:Docker:Endpoint must be an absolute URI, e.g. unix:///var/run/docker.sock.")
            .ValidateOnStart();
        var docker = builder.Configuration.GetSection(DockerOptions.Section).Get<DockerOptions>() ?? new DockerOptions();

        builder.Services.AddSingleton<IFunctionRunner, ProcessRunner>();
        var probe = await DockerProbe.ProbeAsync(docker.Endpoint, CancellationToken.None);
        if (!probe.Answered)
            return $"Runners: process only; Docker at {docker.Endpoint} did not answer ({probe.Description}).";

        builder.Services.AddSingleton<IFunctionRunner, DockerRunner>();
        return $"Runners: docker ({probe.Description} at {docker.Endpoint}) and process.";
    }
}
