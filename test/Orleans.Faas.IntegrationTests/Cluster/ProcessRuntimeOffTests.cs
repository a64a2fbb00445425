using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Cluster;

/// <summary>
/// Nodes other than the embedded default on loopback do not offer the process runtime unless their operator enables it;
/// a cluster silo's Orleans ports listen on its advertised address only.
/// </summary>
public sealed class ProcessRuntimeOffTests
{
    private static readonly string NoDocker = $"unix://{Path.GetTempPath()}no-docker-{Guid.NewGuid():N}.sock";

    [Fact]
    public async Task An_embedded_silo_whose_gateway_listens_beyond_loopback_does_not_offer_process()
    {
        await using var silo = await FaasProcess.StartSilo(SiloPorts.For("open-node"), new Dictionary<string, string>
        {
            ["Faas__Docker__Endpoint"] = NoDocker,
            // A gateway beyond loopback needs keys, or this explicit waiver, to start at all.
            ["Faas__Gateway__AllowAnonymous"] = "true",
        }, listenHost: "0.0.0.0");

        await AssertOffersNoProcess(silo);
        Assert.Contains("The process runtime: off (on by default only for an embedded silo whose gateway listens on loopback", await File.ReadAllTextAsync(silo.LogPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cluster_silo_offers_process_only_when_enabled_and_listens_on_its_advertised_address_only()
    {
        await using var cluster = await LabCluster.Create();
        var settings = new Dictionary<string, string>(cluster.Settings) { ["Faas__Docker__Endpoint"] = NoDocker };
        settings.Remove(LabCluster.ProcessEnabled);
        var ports = SiloPorts.For("cluster-node");
        await using var silo = await FaasProcess.StartSilo(ports, settings);

        await AssertOffersNoProcess(silo);
        Assert.Equal([IPAddress.Loopback], Listeners.On(silo.Ports!.SiloPort));
        Assert.Equal([IPAddress.Loopback], Listeners.On(silo.Ports!.GatewayPort));
    }

    /// <summary>It registers with no runtime, and a process function, which registers, is a 503 that says why when invoked.</summary>
    private static async Task AssertOffersNoProcess(FaasProcess silo)
    {
        var node = (await silo.Http.GetFromJsonAsync<JsonArray>("/v1/providers"))!.Single()!;
        Assert.Empty(node["runtimes"]!.AsArray());

        var name = UniqueName("no-process");
        await silo.Http.RegisterOk(Cat(name));
        using var response = await silo.Http.InvokeAsync(name, "x");

        var problem = await response.AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("process", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
