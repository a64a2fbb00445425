using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Cli;
using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Gateway;

/// <summary>An embedded node with one slot and room for one waiting task: a third invocation finds it full.</summary>
public sealed class QueueLimitHttpTests : IAsyncLifetime
{
    private FaasProcess? _silo;

    private FaasProcess Silo => _silo!;

    private HttpClient Http => Silo.Http;

    public async Task InitializeAsync() =>
        _silo = await FaasProcess.StartSilo(SiloPorts.For("full-node"), new Dictionary<string, string>
        {
            ["Faas__Docker__Endpoint"] = $"unix://{Path.GetTempPath()}no-docker-{Guid.NewGuid():N}.sock",
            ["Faas__Worker__Slots"] = "1",
            ["Faas__Worker__MaxQueued"] = "1",
            // Nothing but the test's own tasks may take the slot or the place in the queue.
            ["Faas__Scheduling__AutoBenchmark"] = "false",
        });

    public async Task DisposeAsync()
    {
        if (_silo is not null)
            await _silo.DisposeAsync();
    }

    [Fact]
    public async Task A_full_node_answers_429_with_retry_after_keeps_nothing_of_the_request_and_takes_work_again_once_it_drains()
    {
        var name = UniqueName("sleep");
        // Sleeps as many seconds as its input says.
        await Http.RegisterOk(new { name, runtime = "process", command = new[] { "/bin/sh", "-c", "s=$(cat); sleep \"$s\"; echo \"slept $s\"" } });
        var running = await Accepted(name, "8");
        var queued = await Accepted(name, "0");

        using var refused = await Http.InvokeAsync(name, "0");
        var problem = await refused.AssertProblem(HttpStatusCode.TooManyRequests);
        var cli = await FaasCli.Run(Silo.GatewayUrl, "0", "invoke", name);
        var node = (await Http.GetFromJsonAsync<JsonArray>("/v1/providers"))!.Single()!;

        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Contains("full queue", problem["detail"]!.GetValue<string>());
        Assert.True(problem["wait"]!.GetValue<double>() >= 1, problem.ToJsonString());
        Assert.Equal([1, 1, 1], new[] { "running", "queued", "maxQueued" }.Select(p => node[p]!.GetValue<int>()));
        Assert.True(cli.ExitCode == 5, cli.ToString());
        Assert.Matches(@"^error: .*full queue.* \(try again in \d+ s\)", cli.Errors);
        // The series deploy/prometheus/rules/orleans-faas.rules.yml alerts on.
        Assert.Matches($"faas_worker_refused_total\\{{[^}}]*provider=\"{Silo.Name}\"[^}}]*\\}} 2", await Http.GetStringAsync("/metrics"));

        Assert.Equal("COMPLETED", (await Http.WaitForTask(running))["status"]!.GetValue<string>());
        Assert.Equal("COMPLETED", (await Http.WaitForTask(queued))["status"]!.GetValue<string>());
        var later = await Accepted(name, "0");
        Assert.Equal("COMPLETED", (await Http.WaitForTask(later))["status"]!.GetValue<string>());
        // The refused requests never ran: the two before them and the one after are all there is.
        Assert.Equal(3, await Executions(name, atLeast: 3));
    }

    /// <summary>The function's runs in the history, once there are <paramref name="atLeast"/>: a row lands just after its task finishes.</summary>
    private Task<int> Executions(string function, int atLeast) =>
        Poll.UntilAsync(
            async () => (await Http.GetFromJsonAsync<JsonArray>($"/v1/executions?function={function}"))!.Count, count => count >= atLeast, Patience,
            $"{atLeast} runs of {function} to reach the history");

    private async Task<string> Accepted(string function, string input)
    {
        using var response = await Http.InvokeAsync(function, input);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await Describe(response));
        return (await response.Json())["taskId"]!.GetValue<string>();
    }
}
