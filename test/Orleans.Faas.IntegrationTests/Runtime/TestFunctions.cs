using System.Collections.Immutable;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orleans.Faas.Functions;
using Orleans.Faas.IntegrationTests.Hosting;

namespace Orleans.Faas.IntegrationTests.Runtime;

internal static class TestFunctions
{
    /// <summary>A uniquely named function of the sample image, so a label filter finds only one test's containers.</summary>
    public static FunctionDefinition Docker(params string[] command) => new(
        $"it-{Guid.NewGuid():N}", FunctionRuntime.Docker, TestEnvironment.HelloImage, [.. command],
        ImmutableDictionary<string, string>.Empty, 0, 0, TimeSpan.FromSeconds(30));

    public static Task<IList<ContainerListResponse>> ContainersOf(this DockerClient docker, FunctionDefinition function) =>
        FunctionContainers.ContainersOf(docker, function.Name);
}
