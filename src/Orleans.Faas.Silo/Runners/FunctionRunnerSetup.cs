using Orleans.Faas.Hosting;
using Orleans.Faas.Runtime.Cache;
using Orleans.Faas.Runtime.Cache.Allocation;
using Orleans.Faas.Runtime.Docker;
using Orleans.Faas.Runtime.KeepAlive;
using Orleans.Faas.Runtime.Python;
using Orleans.Faas.Runtime.Runners;
using Orleans.Faas.Silo.Hosting;

namespace Orleans.Faas.Silo.Runners;

/// <summary>
/// Chooses this node's runners at start-up: Docker when its engine answers and the agent is built, Python with Docker
/// when the node has Debian's python3 and python3-dill to build the Python image from, local processes where
/// <see cref="ProcessRuntimeSetup"/> offers them.
/// </summary>
public static class FunctionRunnerSetup
{
    /// <returns>One line for the start-up log saying what was chosen and why.</returns>
    public static async Task<string> AddFunctionRunners(this WebApplicationBuilder builder, SiloHostOptions host, DeploymentOptions deployment)
    {
        builder.Services.AddOptions<DockerOptions>().BindConfiguration(DockerOptions.Section)
            .Configure(o => o.Node = host.NodeName)
            .Validate(o => Uri.TryCreate(o.Endpoint, UriKind.Absolute, out _), "Faas:Docker:Endpoint must be an absolute URI, e.g. unix:///var/run/docker.sock.")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<WarmPoolOptions>().BindConfiguration(WarmPoolOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<KeepAliveOptions>().BindConfiguration(KeepAliveOptions.Section)
            .Validate(o => o.BinWidth > TimeSpan.Zero, "Faas:KeepAlive:BinWidth must be positive.")
            .Validate(o => o.HeadPercentile <= o.TailPercentile, "Faas:KeepAlive:HeadPercentile must not be above TailPercentile.")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var docker = builder.Configuration.GetSection(DockerOptions.Section).Get<DockerOptions>() ?? new DockerOptions();

        var cacheCounters = CacheCounterSupport.DetectHere();
        builder.Services.AddSingleton(cacheCounters);
        var (processOffered, process) = await builder.AddProcessRunner(deployment, docker);
        var alone = processOffered ? "process only" : "none";
        if (!File.Exists(docker.AgentPath))
            return $"Runners: {alone}; the container agent is missing at {docker.AgentPath} (it is built with the silo when a C compiler is installed). The process runtime: {process}.";
        var probe = await DockerProbe.ProbeAsync(docker.Endpoint, CancellationToken.None);
        if (!probe.Answered)
            return $"Runners: {alone}; Docker at {docker.Endpoint} did not answer ({probe.Description}). The process runtime: {process}.";

        // The same resctrl the node's facts describe; one per node, as it holds the node's cache ways.
        builder.Services.AddSingleton(new ResctrlCacheAllocation(ResctrlSupport.Detect(ResctrlSupport.RootIn(host.FactsRoot)), host.NodeName));
        builder.Services.AddSingleton<DockerRunner>();
        builder.Services.AddSingleton<IFunctionRunner>(sp => sp.GetRequiredService<DockerRunner>());
        builder.Services.AddHostedService<LeftoverContainerSweep>();
        var pythonMissing = PythonRunner.MissingOnThisNode();
        if (pythonMissing is null)
            builder.Services.AddSingleton<IFunctionRunner, PythonRunner>();
        var python = pythonMissing is null ? "python (its image built from this node's python3 and python3-dill on first need)" : $"no python: {pythonMissing}";
        return $"Runners: docker ({probe.Description} at {docker.Endpoint}; LLC counters: {cacheCounters.UnavailableBecause ?? "available"}), {python}{(processOffered ? ", and process" : "")}. The process runtime: {process}.";
    }
}
