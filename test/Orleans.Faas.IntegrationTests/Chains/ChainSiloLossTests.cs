using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Cluster;
using Xunit.Abstractions;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Chains;

/// <summary>Three silo processes and a gateway; the silo a chain run lives on is SIGKILLed while its middle step runs.</summary>
public sealed class ChainSiloLossTests(ITestOutputHelper output)
{
    private static readonly TimeSpan LossPatience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_chain_run_completes_with_the_right_output_when_its_silo_is_killed_mid_run_and_no_step_runs_twice()
    {
        await using var cluster = await LabCluster.Create();
        await cluster.Start(["chain-a", "chain-b", "chain-c"], new Dictionary<string, string>
        {
            ["Faas__Chains__WakeUpPeriod"] = "00:00:03",
            ["Faas__Tasks__WatchdogGrace"] = "00:00:05",
        });
        var http = cluster.Gateway!.Http;
        var (upper, reverse, quote) = (UniqueName("upper"), UniqueName("rev"), UniqueName("quote"));
        await http.RegisterOk(Step(upper, "/usr/bin/tr a-z A-Z"));
        await http.RegisterOk(Step(reverse, "/usr/bin/rev"));
        await http.RegisterOk(Step(quote, "/bin/sed 's/^/> /'"));
        var chain = UniqueName("survivor");
        await http.DefineOk(chain, upper, reverse, quote);

        var id = await http.StartRun(chain, "hello chains");
        var running = await UntilStepRuns(http, chain, id, 1);
        var host = running.Text("host");
        var victim = cluster.Silos.Single(s => s.Name == host);
        var killedAt = DateTimeOffset.UtcNow;
        await victim.Kill();

        var run = await http.WaitForRun(chain, id, LossPatience);

        Assert.True(run.Text("status") == "COMPLETED", run.ToJsonString());
        Assert.Equal("> SNIAHC OLLEH", run.Text("output"));
        Assert.NotEqual(host, run.Text("host"));
        var steps = run.Steps();
        Assert.All(steps, s => Assert.Equal("COMPLETED", s.Text("status")));
        Assert.Equal(3, steps.Select(s => s.Text("taskId")).Distinct().Count());
        // One finished execution per step: the run re-attached to the task it had started instead of submitting another.
        // A row still buffered on the killed silo comes back with its task's watchdog, whose period here is 10 + 5 s.
        foreach (var function in new[] { upper, reverse, quote })
            Assert.Single(await EventuallyRecorded(http, function));
        output.WriteLine($"run lived on {host}, killed at step 1; completed on {run.Text("host")} " +
            $"{(DateTimeOffset.Parse(run.Text("finishedAt")) - killedAt).TotalSeconds:F1} s after the kill");
    }

    /// <summary>A step that takes 3 s, with a 10 s timeout so that its watchdog ticks every 15 s.</summary>
    private static object Step(string name, string script) =>
        new { name, runtime = "process", command = new[] { "/bin/sh", "-c", $"sleep 3; {script}" }, timeoutSeconds = 10 };

    private static Task<JsonObject> UntilStepRuns(HttpClient http, string chain, string id, int step) =>
        Poll.UntilAsync(
            async () => (await http.GetFromJsonAsync<JsonObject>($"/v1/chains/{chain}/runs/{id}"))!, run => run.Steps()[step].Text("status") == "RUNNING",
            Patience, $"step {step} of run {id} to start");

    /// <summary>The function's finished executions, once there are any: within two watchdog periods.</summary>
    private static Task<JsonArray> EventuallyRecorded(HttpClient http, string function) =>
        Poll.UntilAsync(() => http.Executions(function), rows => rows.Count > 0, TimeSpan.FromSeconds(30), $"a run of {function} to be recorded");
}
