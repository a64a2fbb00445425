using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Security;

/// <summary>The admin key a silo with Faas:Auth:Enabled and no stored key prints at its first start.</summary>
public static class BootstrapKey
{
    public static async Task<string> PrintedBy(FaasProcess silo)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (File.ReadAllLines(silo.LogPath).Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("faas_bootstrap_", StringComparison.Ordinal)) is { } key)
                return key;
            Assert.True(DateTime.UtcNow < deadline, "No admin key was printed:\n" + silo.LogTail());
            await Task.Delay(200);
        }
    }
}
