using Docker.DotNet;
using Docker.DotNet.Models;

namespace Orleans.Faas.IntegrationTests.Hosting;

public static class FunctionContainers
{
    /// <summary>Containers (running or not) that the platform made for a function, found by the label it puts on them.</summary>
    public static async Task<IList<ContainerListResponse>> ContainersOf(this DockerClient docker, string function) =>
        await docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"orleans.faas.function={function}"] = true },
            },
        });
}
