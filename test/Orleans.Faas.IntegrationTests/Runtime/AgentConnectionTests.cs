using Orleans.Faas.IntegrationTests.Hosting;
using Orleans.Faas.Runtime.Cache;
using Orleans.Faas.Runtime.Docker;
using Orleans.Faas.Runtime.Runners;

namespace Orleans.Faas.IntegrationTests.Runtime;

/// <summary>How the node and a container's agent meet, against the real dockerd: the node takes its own agent only, and leaves nothing of a container the engine would not make.</summary>
public sealed class AgentConnectionTests : RunnerOnTestDocker
{
    [Fact]
    public async Task A_connection_from_any_process_but_the_containers_first_is_refused()
    {
        var function = TestFunctions.Docker("cat");
        var agentFolder = Path.Combine(TestEnvironment.WorkFolder, $"agent-{Guid.NewGuid():N}");
        var folders = ContainerFolders.Create(function, agentFolder, secretsFolder: null, "65534:65534");
        var spec = ContainerBlueprint.For(function, image: null, new DockerOptions(), agentFolder);
        // A real agent, but started by a shell: what connects is not the process the engine started.
        spec.Entrypoint = ["/bin/sh", "-c", "/.faas/bin/faas-agent /.faas/run/agent.sock cat & wait"];
        spec.Cmd = ["by-a-shell"];
        var container = await FunctionContainer.StartAsync(Docker, spec, folders, CacheCounterSupport.DetectHere());

        try
        {
            var refused = await Assert.ThrowsAsync<FunctionStartException>(() => container.WaitForAgentAsync(TimeSpan.FromSeconds(30), CancellationToken.None));
            Assert.Contains("not its agent", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            await container.DestroyAsync();
        }
        Assert.False(Directory.Exists(agentFolder));
    }

    [Fact]
    public async Task A_container_the_engine_will_not_create_leaves_no_folder_behind()
    {
        var node = $"it-{Guid.NewGuid():N}";
        await using var runner = TestDockerRunners.Create(node: node);
        // Below the engine's smallest memory limit, so creating the container fails.
        var function = TestFunctions.Docker("cat") with { MemoryMiB = 1 };

        await Assert.ThrowsAsync<FunctionStartException>(() => runner.RunAsync(function, ReadOnlyMemory<byte>.Empty, CancellationToken.None));

        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(TestEnvironment.WorkFolder, $"ofaas-{node}")));
    }
}
