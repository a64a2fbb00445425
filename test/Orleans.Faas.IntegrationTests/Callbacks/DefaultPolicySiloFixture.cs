using Orleans.Faas.IntegrationTests.Hosting;

namespace Orleans.Faas.IntegrationTests.Callbacks;

/// <summary>An embedded silo whose operator allowed callbacks nowhere internal (the default), process runtime only.</summary>
public sealed class DefaultPolicySiloFixture : IAsyncLifetime
{
    private FaasProcess? _silo;

    public HttpClient Http => (_silo ?? throw new InvalidOperationException("The silo has not started.")).Http;

    public async Task InitializeAsync() =>
        _silo = await FaasProcess.StartSilo(SiloPorts.For("callback-policy"), new Dictionary<string, string>
        {
            ["Faas__Docker__Endpoint"] = $"unix://{TestEnvironment.WorkFolder}/no-docker.sock",
        });

    public async Task DisposeAsync()
    {
        if (_silo is not null)
            await _silo.DisposeAsync();
    }
}
