using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Orleans.Faas.IntegrationTests.Cluster;
using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Security;

/// <summary>Keys are kept in PostgreSQL: asked for at every request, so a key revoked on one gateway is refused on every other at once, and made at first start once.</summary>
public sealed class ClusterKeyTests
{
    [Fact]
    public async Task The_bootstrap_key_is_made_and_printed_by_the_first_silo_alone_and_works_on_the_next()
    {
        await using var cluster = await LabCluster.Create(settings: new Dictionary<string, string> { ["Faas__Auth__Enabled"] = "true" });
        Func<HttpClient, Task<bool>> healthy = async http => (await http.GetAsync("/healthz")).IsSuccessStatusCode;
        await using var first = await FaasProcess.StartSilo(SiloPorts.For("boot-a"), cluster.Settings, isReady: healthy);
        var key = await BootstrapKey.PrintedBy(first);

        await using var second = await FaasProcess.StartSilo(SiloPorts.For("boot-b"), cluster.Settings, isReady: healthy);
        second.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var keys = await second.Http.GetFromJsonAsync<List<StoredKey>>("/v1/keys");

        Assert.Equal(["bootstrap"], keys!.Select(k => k.Id));
        Assert.DoesNotContain("faas_bootstrap_", await File.ReadAllTextAsync(second.LogPath));
    }

    private sealed record StoredKey(string Id);

    [Fact]
    public async Task A_key_revoked_through_one_gateway_is_refused_by_the_next_request_to_another()
    {
        await using var cluster = await LabCluster.Create(settings: new Dictionary<string, string> { [FaasProcess.AdminKeySetting] = $"cluster-admin-{Guid.NewGuid():N}" });
        await cluster.Start(["keys-node"]);
        var second = await cluster.StartGateway();
        using var created = await cluster.Gateway!.Http.PostAsJsonAsync("/v1/keys", new { name = "roaming", role = "developer" });
        var body = await created.Json();
        using var elsewhere = new HttpClient { BaseAddress = second.GatewayUrl };
        elsewhere.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body["key"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/v1/functions")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await cluster.Gateway.Http.DeleteAsync($"/v1/keys/{body["id"]}")).StatusCode);

        await (await elsewhere.GetAsync("/v1/functions")).AssertProblem(HttpStatusCode.Unauthorized);
    }
}
