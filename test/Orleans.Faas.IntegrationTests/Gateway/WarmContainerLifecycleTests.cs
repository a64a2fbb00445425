using Docker.DotNet;
using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Gateway;

/// <summary>A node's warm containers across its process's life: removed on a clean stop, swept up after a crash.</summary>
public sealed class WarmContainerLifecycleTests : IDisposable
{
    private readonly DockerClient _docker = new DockerClientConfiguration(new Uri(TestEnvironment.DockerEndpoint)).CreateClient();

    public void Dispose() => _docker.Dispose();

    [Fact]
    public async Task A_crashed_node_s_warm_containers_are_removed_when_it_starts_again_and_a_clean_stop_leaves_none()
    {
        var ports = SiloPorts.For($"warm-{Guid.NewGuid():N}"[..16]);
        var settings = new Dictionary<string, string> { ["Faas__Docker__Endpoint"] = TestEnvironment.DockerEndpoint };
        var name = UniqueName("warm-life");

        await using (var first = await FaasProcess.StartSilo(ports, settings))
        {
            await first.Http.RegisterOk(Hello(name));
            using var response = await first.Http.InvokeSync(name, "crash");
            Assert.Equal("Hello, crash!\n", await response.Content.ReadAsStringAsync());
            await first.Kill();
        }
        Assert.Single(await ContainersOf(name));

        await using (var second = await FaasProcess.StartSilo(ports, settings))
        {
            Assert.Empty(await ContainersOf(name));
            await second.Http.RegisterOk(Hello(name));
            using var response = await second.Http.InvokeSync(name, "again");
            Assert.Equal("Hello, again!\n", await response.Content.ReadAsStringAsync());
            Assert.Single(await ContainersOf(name));
            await second.Stop();
            Assert.True(second.ExitCode == 0, $"The silo exited with {second.ExitCode} after SIGTERM:\n{second.LogTail()}");
        }
        Assert.Empty(await ContainersOf(name));
    }

    private Task<IList<Docker.DotNet.Models.ContainerListResponse>> ContainersOf(string function) => _docker.ContainersOf(function);
}
