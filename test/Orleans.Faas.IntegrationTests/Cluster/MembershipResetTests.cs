using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Orleans.Faas.IntegrationTests.Cluster;

/// <summary>
/// Provider status follows membership also when membership's store lost its data, so that a silo that died left no
/// Dead entry to react to: a provider whose silo is not a member turns DOWN.
/// </summary>
public sealed class MembershipResetTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_provider_whose_silo_died_while_redis_lost_its_data_goes_down_when_the_cluster_comes_back()
    {
        await using var cluster = await LabCluster.Create();
        await cluster.Start(["reset-a", "reset-b"]);
        Assert.Equal("READY", await Status(cluster.Silos[0].Http, "reset-b"));

        // Both nodes die at once, so no silo is left to see reset-b's death, and Redis comes back without the table.
        await Task.WhenAll(cluster.Silos.Select(s => s.Kill()));
        await cluster.Redis.RestartEmpty();
        await cluster.Start(["reset-a"]);
        var survivor = cluster.Silos[^1];

        await Poll.UntilAsync(
            () => Status(survivor.Http, "reset-b"), status => status == "DOWN", Patience, $"provider reset-b to be DOWN after its node came back without it (log: {survivor.LogPath})");
        Assert.Equal("READY", await Status(survivor.Http, "reset-a"));
    }

    /// <summary>The provider's status; null while the cluster cannot say (a 503 while it finds out that a silo is gone).</summary>
    private static async Task<string?> Status(HttpClient http, string provider)
    {
        using var response = await http.GetAsync($"/v1/providers/{provider}");
        return response.StatusCode == HttpStatusCode.ServiceUnavailable
            ? null
            : (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>();
    }
}
