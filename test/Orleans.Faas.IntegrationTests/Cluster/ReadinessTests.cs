using System.Net;
using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Cluster;

/// <summary>A cluster silo's <c>/readyz</c> follows its PostgreSQL, which is stopped and started again; <c>/healthz</c> does not.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task A_silo_is_not_ready_while_its_postgres_is_down_and_ready_again_once_it_is_back()
    {
        await using var postgres = await PostgresServer.Start();
        await using var cluster = await LabCluster.Create(postgres.ConnectionString);
        await cluster.Start(["ready-a"]);
        var silo = cluster.Silos[0].Http;
        Assert.Equal(HttpStatusCode.OK, await Status(silo, "/readyz"));

        await postgres.Stop();
        await Poll.UntilAsync(async () => await Status(silo, "/readyz") == HttpStatusCode.ServiceUnavailable, Patience, "/readyz to answer 503 without PostgreSQL");
        // Restarting a silo does not bring its database back: it stays alive, only not ready.
        Assert.Equal(HttpStatusCode.OK, await Status(silo, "/healthz"));

        await postgres.Resume();
        await Poll.UntilAsync(async () => await Status(silo, "/readyz") == HttpStatusCode.OK, Patience, "/readyz to answer 200 with PostgreSQL back");
    }

    private static async Task<HttpStatusCode> Status(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return response.StatusCode;
    }
}
