using Docker.DotNet;
using Orleans.Faas.IntegrationTests.Hosting;
using Orleans.Faas.Runtime.Docker;

namespace Orleans.Faas.IntegrationTests.Runtime;

/// <summary>A test class's own Docker runner and engine client on the test script's dockerd, both disposed after its tests.</summary>
public abstract class RunnerOnTestDocker : IAsyncLifetime
{
    protected DockerRunner Runner { get; } = TestDockerRunners.Create();

    protected DockerClient Docker { get; } = new DockerClientConfiguration(new Uri(TestEnvironment.DockerEndpoint)).CreateClient();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Runner.DisposeAsync();
        Docker.Dispose();
    }
}
