using Docker.DotNet;
using Docker.DotNet.Models;
using Orleans.Faas.IntegrationTests.Batches;
using Orleans.Faas.IntegrationTests.Hosting;

namespace Orleans.Faas.IntegrationTests.Gateway;

/// <summary>One embedded-mode silo on the test dockerd, with a short sync wait so "still running" is quick to reach.</summary>
public sealed class EmbeddedPlatformFixture : IAsyncLifetime
{
    public static readonly TimeSpan SyncWait = TimeSpan.FromSeconds(3);

    private FaasProcess? _silo;

    public FaasProcess Silo => _silo ?? throw new InvalidOperationException("The silo has not started.");

    public HttpClient Http => Silo.Http;

    /// <summary>The one label the node carries, for functions that require it.</summary>
    public static readonly KeyValuePair<string, string> Label = new("zone", "lab-2");

    public DockerClient Docker { get; } = new DockerClientConfiguration(new Uri(TestEnvironment.DockerEndpoint)).CreateClient();

    public async Task InitializeAsync() =>
        _silo = await FaasProcess.StartSilo(SiloPorts.For("e2e-node"), new Dictionary<string, string>
        {
            ["Faas__Docker__Endpoint"] = TestEnvironment.DockerEndpoint,
            ["Faas__Gateway__SyncWait"] = SyncWait.ToString(),
            [$"Faas__Silo__Labels__{Label.Key}"] = Label.Value,
            // The callback receivers listen on loopback, where callbacks go only when the operator allows it.
            [CallbackReceiver.LoopbackAllowed.Key] = CallbackReceiver.LoopbackAllowed.Value,
        });

    public async Task DisposeAsync()
    {
        if (_silo is not null)
            await _silo.DisposeAsync();
        Docker.Dispose();
    }

    /// <summary>Containers (running or not) that the platform made for a function.</summary>
    public Task<IList<ContainerListResponse>> ContainersOf(string function) => Docker.ContainersOf(function);
}

[CollectionDefinition(Name)]
public sealed class EmbeddedPlatformCollection : ICollectionFixture<EmbeddedPlatformFixture>
{
    public const string Name = "embedded platform";
}
