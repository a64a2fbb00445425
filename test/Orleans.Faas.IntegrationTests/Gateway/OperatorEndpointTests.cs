using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Gateway;

/// <summary>What an operator does over HTTP: drain a node, read the execution history, scrape metrics.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class OperatorEndpointTests(EmbeddedPlatformFixture platform)
{
    private HttpClient Http => platform.Http;

    [Fact]
    public async Task A_drained_node_takes_no_invocations_until_it_is_undrained()
    {
        var name = UniqueName("drained");
        await Http.RegisterOk(Cat(name));
        var node = platform.Silo.Name;
        try
        {
            using var drain = await Http.PostAsync($"/v1/providers/{node}/drain", null);
            Assert.True(drain.StatusCode == HttpStatusCode.OK, await Describe(drain));
            Assert.Equal("DRAINING", (await drain.Json())["status"]!.GetValue<string>());

            // The only node is drained, so nothing can take the task: refused, and nothing was queued.
            await (await Http.InvokeAsync(name, "refused")).AssertProblem(HttpStatusCode.ServiceUnavailable);
            Assert.Empty(await Http.GetFromJsonAsync<JsonArray>($"/v1/executions?function={name}") ?? []);
        }
        finally
        {
            using var undrain = await Http.PostAsync($"/v1/providers/{node}/undrain", null);
            Assert.Equal("READY", (await undrain.Json())["status"]!.GetValue<string>());
        }

        using var accepted = await Http.InvokeSync(name, "welcome back");
        Assert.True(accepted.StatusCode == HttpStatusCode.OK, await Describe(accepted));
    }

    [Fact]
    public async Task Every_finished_invocation_is_in_the_execution_history()
    {
        var name = UniqueName("history");
        await Http.RegisterOk(Cat(name));
        using var response = await Http.InvokeSync(name, "12345");
        var taskId = response.Headers.GetValues("X-Faas-Task-Id").Single();

        var records = await Http.GetFromJsonAsync<JsonArray>($"/v1/executions?function={name}&provider={platform.Silo.Name}");

        var record = Assert.Single(records!)!;
        Assert.Equal(taskId, record["taskId"]!.GetValue<string>());
        Assert.Equal("COMPLETED", record["status"]!.GetValue<string>());
        Assert.Equal(5, record["inputBytes"]!.GetValue<int>());
        Assert.Equal(1, record["functionVersion"]!.GetValue<int>());
        Assert.True(record["wallMs"]!.GetValue<double>() > 0);
    }

    [Fact]
    public async Task Unknown_providers_and_bad_limits_are_problems()
    {
        await (await Http.GetAsync("/v1/providers/no-such-node")).AssertProblem(HttpStatusCode.NotFound);
        await (await Http.PostAsync("/v1/providers/no-such-node/drain", null)).AssertProblem(HttpStatusCode.NotFound);
        var problem = await (await Http.GetAsync("/v1/executions?limit=0")).AssertProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["limit"]);
    }

    [Fact]
    public async Task Metrics_are_served_in_prometheus_text()
    {
        var name = UniqueName("metered");
        await Http.RegisterOk(Cat(name));
        using (var response = await Http.InvokeSync(name, "x"))
            Assert.True(response.IsSuccessStatusCode, await Describe(response));

        var metrics = await Http.GetStringAsync("/metrics");

        Assert.Matches($"faas_tasks_total\\{{[^}}]*function=\"{name}\"[^}}]*status=\"COMPLETED\"[^}}]*\\}} 1", metrics);
        Assert.Contains("faas_worker_running{", metrics);
    }
}
