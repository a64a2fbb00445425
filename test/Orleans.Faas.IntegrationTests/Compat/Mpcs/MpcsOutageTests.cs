using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Cluster;
using Orleans.Faas.IntegrationTests.Gateway;
using Orleans.Faas.IntegrationTests.Hosting;

namespace Orleans.Faas.IntegrationTests.Compat.Mpcs;

/// <summary>MPCS answered 502 while its Redis was away; here the store is PostgreSQL, really stopped.</summary>
public sealed class MpcsOutageTests
{
    [Fact]
    public async Task An_execution_while_the_database_is_away_is_502_with_a_detail_and_no_task()
    {
        await using var postgres = await PostgresServer.Start();
        await using var cluster = await LabCluster.Create(postgres.ConnectionString);
        await cluster.Start(["mpcs-outage"], new Dictionary<string, string> { ["Faas__Docker__Endpoint"] = TestEnvironment.DockerEndpoint });
        var http = cluster.Gateway!.Http;
        using var registered = await http.RegisterFunction("double", Python.Pickle("lambda x: x * 2"));
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        var functionId = (await registered.Content.ReadFromJsonAsync<JsonObject>())!["function_id"]!.GetValue<string>();

        await postgres.Stop();
        using var refused = await http.ExecuteFunction(functionId, Python.Pickle("((21,), {})"));
        var body = await refused.Content.ReadFromJsonAsync<JsonObject>();
        await postgres.Resume();

        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(body!["detail"]?.GetValue<string>()));
        Assert.Null(body["task_id"]);
        using var executed = await http.ExecuteFunction(functionId, Python.Pickle("((21,), {})"));
        Assert.Equal(HttpStatusCode.OK, executed.StatusCode);
    }
}
