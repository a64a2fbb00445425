using Orleans.Faas.IntegrationTests.Hosting;

namespace Orleans.Faas.IntegrationTests.Security;

/// <summary>An embedded silo as the README starts it: open on loopback, with no key stored (so tests here store none), its process runtime on.</summary>
public sealed class OpenLoopbackSiloFixture : IAsyncLifetime
{
    private FaasProcess? _silo;

    public FaasProcess Silo => _silo ?? throw new InvalidOperationException("The silo has not started.");

    public async Task InitializeAsync() => _silo = await FaasProcess.StartSilo(SiloPorts.For("open-loopback-browser"), ProcessOnlySettings.With());

    public async Task DisposeAsync()
    {
        if (_silo is not null)
            await _silo.DisposeAsync();
    }
}
