using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Gateway;

/// <summary>A node whose Docker socket does not answer: it says so at start-up and runs process functions only.</summary>
public sealed class ProcessOnlyNodeTests : IAsyncLifetime
{
    private FaasProcess? _silo;

    private FaasProcess Silo => _silo!;

    public async Task InitializeAsync() =>
        _silo = await FaasProcess.StartSilo(SiloPorts.For("process-node"), new Dictionary<string, string>
        {
            ["Faas__Docker__Endpoint"] = $"unix://{Path.GetTempPath()}no-docker-{Guid.NewGuid():N}.sock",
        });

    public async Task DisposeAsync()
    {
        if (_silo is not null)
            await _silo.DisposeAsync();
    }

    [Fact]
    public async Task The_start_up_log_says_the_process_runner_was_chosen_and_why()
    {
        var log = await File.ReadAllTextAsync(Silo.LogPath);

        Assert.Contains("Runners: process only; Docker at unix://", log);
        var node = (await Silo.Http.GetFromJsonAsync<JsonArray>("/v1/providers"))!.Single()!;
        Assert.Equal(["process"], node["runtimes"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task A_process_function_runs_through_the_gateway()
    {
        var name = UniqueName("rev");
        await Silo.Http.RegisterOk(new { name, runtime = "process", command = new[] { "/bin/sh", "-c", "tr a-z A-Z; echo \"$GREETING\"" }, env = new Dictionary<string, string> { ["GREETING"] = "hi" } });

        using var response = await Silo.Http.InvokeSync(name, "shout\n");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
        Assert.Equal("SHOUT\nhi\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_docker_function_is_a_503_problem_when_no_node_has_docker_and_queues_nothing()
    {
        var name = UniqueName("needs-docker");
        await Silo.Http.RegisterOk(Hello(name));

        using var response = await Silo.Http.InvokeAsync(name, "x");

        var problem = await response.AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("docker", problem["detail"]!.GetValue<string>());
    }
}
