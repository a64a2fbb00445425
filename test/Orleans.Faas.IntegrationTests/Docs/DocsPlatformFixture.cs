using System.Net;
using Orleans.Faas.IntegrationTests.Hosting;

namespace Orleans.Faas.IntegrationTests.Docs;

/// <summary>
/// The platform as the README starts it (an embedded silo on the machine's Docker engine, open on loopback, named
/// after the host), on private ports.
/// </summary>
public sealed class DocsPlatformFixture : IAsyncLifetime
{
    private FaasProcess? _silo;

    public FaasProcess Silo => _silo ?? throw new InvalidOperationException("The silo has not started.");

    public async Task InitializeAsync() =>
        _silo = await FaasProcess.StartSilo(SiloPorts.For(Dns.GetHostName()), new Dictionary<string, string>
        {
            ["Faas__Docker__Endpoint"] = TestEnvironment.DockerEndpoint,
        });

    public async Task DisposeAsync()
    {
        if (_silo is not null)
            await _silo.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DocsPlatformCollection : ICollectionFixture<DocsPlatformFixture>
{
    public const string Name = "docs platform";
}
