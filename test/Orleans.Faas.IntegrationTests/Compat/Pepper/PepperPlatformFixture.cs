using Microsoft.Extensions.DependencyInjection;
using Orleans.Faas.Client;
using Orleans.Faas.IntegrationTests.Hosting;

namespace Orleans.Faas.IntegrationTests.Compat.Pepper;

/// <summary>
/// An embedded silo of its own on the test dockerd, whose device class and model its operator configured and whose
/// runtime model trains only when asked, so that the model the tests train is trained on their runs alone.
/// </summary>
public sealed class PepperPlatformFixture : IAsyncLifetime
{
    public const string DeviceClass = "computer";

    public const string DeviceModel = "Raspberry Pi 4B";

    private FaasProcess? _silo;

    public FaasProcess Silo => _silo ?? throw new InvalidOperationException("The silo has not started.");

    public HttpClient Http => Silo.Http;

    public async Task InitializeAsync() =>
        _silo = await FaasProcess.StartSilo(SiloPorts.For("pepper-node"), new Dictionary<string, string>
        {
            ["Faas__Docker__Endpoint"] = TestEnvironment.DockerEndpoint,
            ["Faas__Silo__DeviceClass"] = DeviceClass,
            ["Faas__Silo__DeviceModel"] = DeviceModel,
            ["Faas__Models__AutoTrain"] = "false",
            // No provider benchmark beside the tests' runs, whose times the model learns.
            ["Faas__Scheduling__AutoBenchmark"] = "false",
        });

    public async Task DisposeAsync()
    {
        if (_silo is not null)
            await _silo.DisposeAsync();
    }

    /// <summary>A client library on this silo, made as an app with dependency injection makes it.</summary>
    public FaasClient Client() =>
        new ServiceCollection().AddFaasClient(o => o.Endpoint = Silo.GatewayUrl).Services.BuildServiceProvider().GetRequiredService<FaasClient>();
}

[CollectionDefinition(Name)]
public sealed class PepperPlatformCollection : ICollectionFixture<PepperPlatformFixture>
{
    public const string Name = "PEPPER platform";
}
