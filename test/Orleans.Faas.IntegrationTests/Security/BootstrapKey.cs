using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Security;

/// <summary>The admin key a silo with Faas:Auth:Enabled and no stored key prints at its first start.</summary>
public static class BootstrapKey
{
    public static async Task<string> PrintedBy(FaasProcess silo) =>
        (await Poll.UntilAsync(
            () => Task.FromResult(File.ReadAllLines(silo.LogPath).Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("faas_bootstrap_", StringComparison.Ordinal))),
            key => key is not null, Patience, $"an admin key to be printed in {silo.LogPath}"))!;
}
