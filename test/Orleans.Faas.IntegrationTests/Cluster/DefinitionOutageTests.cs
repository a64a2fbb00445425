using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Cluster;

/// <summary>
/// Definitions changed while the cluster's PostgreSQL is stopped: each change is refused with a 503 that says nothing
/// changed, and nothing did, neither for readers and invokers now nor after the grains reactivate from storage.
/// </summary>
public sealed class DefinitionOutageTests
{
    [Fact]
    public async Task A_change_refused_for_an_outage_is_seen_by_nobody_and_not_found_after_reactivation()
    {
        await using var postgres = await PostgresServer.Start();
        await using var cluster = await LabCluster.Create(postgres.ConnectionString);
        await cluster.Start(["defs-a"]);
        var http = cluster.Gateway!.Http;
        var (function, chain, secret) = (UniqueName("defs"), UniqueName("defs-chain"), UniqueName("defs-secret"));
        await http.RegisterOk(Echo(function, "first"));
        using (var created = await http.PostAsJsonAsync("/v1/chains", new { name = chain, steps = new[] { function } }))
            Assert.True(created.StatusCode == HttpStatusCode.Created, await Describe(created));
        using (var put = await http.PutAsync($"/v1/secrets/{secret}", new StringContent("kept")))
            Assert.True(put.StatusCode == HttpStatusCode.Created, await Describe(put));

        await postgres.Stop();
        try
        {
            await Refused(() => http.Register(Echo(function, "second")));
            await Refused(() => http.PostAsJsonAsync("/v1/chains", new { name = chain, steps = new[] { function, function } }));
            await Refused(() => http.DeleteAsync($"/v1/secrets/{secret}"));
            await Refused(() => http.DeleteAsync($"/v1/functions/{function}"));
            await AssertUnchanged(http, function, chain, secret);
        }
        finally
        {
            // Running again, so that a failure above is what the test reports, not the stopped server's disposal.
            await postgres.Resume();
        }

        using (var run = await http.InvokeSync(function, ""))
        {
            Assert.True(run.StatusCode == HttpStatusCode.OK, await Describe(run));
            Assert.Equal("first\n", await run.Content.ReadAsStringAsync());
        }
        await cluster.StopAll();
        await cluster.Start(["defs-a"]);
        await AssertUnchanged(cluster.Gateway!.Http, function, chain, secret);
    }

    private static object Echo(string name, string word) => new { name, runtime = "process", command = new[] { "/bin/echo", word } };

    private static async Task Refused(Func<Task<HttpResponseMessage>> change)
    {
        using var response = await change();
        var problem = await response.AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("nothing was changed", problem["title"]!.GetValue<string>());
    }

    private static async Task AssertUnchanged(HttpClient http, string function, string chain, string secret)
    {
        var read = (await http.GetFromJsonAsync<JsonObject>($"/v1/functions/{function}"))!;
        Assert.Equal(1, read["version"]!.GetValue<int>());
        Assert.Equal("first", read["command"]!.AsArray()[1]!.GetValue<string>());
        var chainRead = (await http.GetFromJsonAsync<JsonObject>($"/v1/chains/{chain}"))!;
        Assert.Equal(1, chainRead["version"]!.GetValue<int>());
        var secrets = (await http.GetFromJsonAsync<JsonArray>("/v1/secrets"))!;
        Assert.Contains(secrets, s => s!["name"]!.GetValue<string>() == secret);
    }
}
