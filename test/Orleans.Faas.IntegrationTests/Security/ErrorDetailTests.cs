using System.Globalization;
using System.Net;
using Orleans.Faas.IntegrationTests.Cluster;
using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Security;

/// <summary>A 503 says what happened in the platform's words: the database's and Orleans' own messages (hosts, ports, grain ids) stay in the log.</summary>
public sealed class ErrorDetailTests
{
    [Fact]
    public async Task A_submission_refused_while_the_database_is_away_does_not_name_its_host()
    {
        await using var postgres = await PostgresServer.Start();
        await using var cluster = await LabCluster.Create(postgres.ConnectionString);
        await cluster.Start(["leak-a"]);
        var http = cluster.Gateway!.Http;
        var name = UniqueName("outage-detail");
        await http.RegisterOk(Cat(name));

        await postgres.Stop();
        using var refused = await http.InvokeAsync(name, "x");
        var body = await refused.Content.ReadAsStringAsync();
        await postgres.Resume();

        await refused.AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.DoesNotContain(postgres.Port.ToString(CultureInfo.InvariantCulture), body);
        Assert.DoesNotContain("127.0.0.1", body);
        Assert.Contains("database", body);
    }

    [Fact]
    public async Task A_gateway_whose_silo_is_gone_does_not_name_the_silos_address()
    {
        var ports = SiloPorts.For("leak-silo");
        await using var silo = await FaasProcess.StartSilo(ports, ProcessOnlySettings.With());
        await using var gateway = await FaasProcess.StartGateway("leak-gateway", ports);
        await silo.Kill();

        using var refused = await gateway.Http.GetAsync("/v1/functions");
        var body = await refused.Content.ReadAsStringAsync();

        await refused.AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.DoesNotContain(ports.GatewayPort.ToString(CultureInfo.InvariantCulture), body);
        Assert.DoesNotContain("127.0.0.1", body);
        Assert.Contains("Answered 503 to GET /v1/functions", await File.ReadAllTextAsync(gateway.LogPath));
    }
}
