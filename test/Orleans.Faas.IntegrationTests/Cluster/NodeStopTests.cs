using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Cluster;

/// <summary>Two one-slot silos; one is stopped with SIGTERM while it runs a task and holds others in its queue.</summary>
public sealed class NodeStopTests(ITestOutputHelper output)
{
    private const int Tasks = 6;

    [Fact]
    public async Task A_sigterm_lets_the_running_task_finish_hands_back_the_queue_and_nothing_runs_twice()
    {
        await using var cluster = await LabCluster.Create();
        await cluster.Start(["stop-a", "stop-b"], new Dictionary<string, string>
        {
            ["Faas__Worker__Slots"] = "1",
            ["Faas__Worker__StopGrace"] = "00:00:20",
        });
        var http = cluster.Gateway!.Http;
        var name = UniqueName("stop");
        await http.RegisterOk(new { name, runtime = "process", command = new[] { "/bin/sh", "-c", "sleep 3; cat" }, timeoutSeconds = 30 });
        var ids = new Dictionary<string, string>();
        for (var i = 0; i < Tasks; i++)
            ids[await http.InvokeAccepted(name, $"input-{i}")] = $"input-{i}";

        // Stop the node while it runs one task and holds at least one more in its queue.
        var (victim, running, queued) = await UntilOneRunsAndOneWaits(http, ids.Keys);
        var process = cluster.Silos.Single(s => s.Name == victim);
        var stopping = Stopwatch.StartNew();
        await process.Stop();
        var stopTook = stopping.Elapsed;

        var finished = await http.WaitForAll(ids.Keys, TimeSpan.FromMinutes(3));
        Assert.Equal(0, process.ExitCode);
        foreach (var (id, input) in ids)
        {
            Assert.Equal("COMPLETED", finished[id]["status"]!.GetValue<string>());
            Assert.Equal(input, await http.Result(id));
        }
        // The task that ran on the stopping node finished there, in its first attempt.
        Assert.Equal((victim, 1), (finished[running]["provider"]!.GetValue<string>(), finished[running]["attempts"]!.GetValue<int>()));
        // What it held in its queue ran elsewhere.
        Assert.All(queued, id => Assert.NotEqual(victim, finished[id]["provider"]!.GetValue<string>()));
        // Each task ran once: one finished execution each, none of them FAILED.
        Assert.Equal(ids.Keys.Order(), await RecordedTasks(http, name, Tasks));
        output.WriteLine($"{victim} stopped {stopTook.TotalSeconds:F1} s after SIGTERM; it finished {running} and handed back {queued.Count}.");
    }

    /// <summary>The task ids of the function's finished executions, once there are as many as expected.</summary>
    private static async Task<IEnumerable<string>> RecordedTasks(HttpClient http, string function, int expected) =>
        (await Poll.UntilAsync(() => http.Executions(function), rows => rows.Count >= expected, TimeSpan.FromSeconds(30), $"{expected} runs of {function} to be recorded"))
        .Select(e => e!["taskId"]!.GetValue<string>()).Order();

        private static async Task<(string Node, string Running, List<string> Queued)> UntilOneRunsAndOneWaits(HttpClient http, IEnumerable<string> ids)
    {
        var found = await Poll.UntilAsync(
            async () =>
            {
                var tasks = new List<JsonObject>();
                foreach (var id in ids)
                    tasks.Add((await http.GetFromJsonAsync<JsonObject>($"/v1/tasks/{id}"))!);
                foreach (var node in tasks.Where(t => t["provider"] is not null).GroupBy(t => t["provider"]!.GetValue<string>()))
                {
                    var running = node.Where(t => t["status"]!.GetValue<string>() == "RUNNING").ToList();
                    var queued = node.Where(t => t["status"]!.GetValue<string>() == "QUEUED").Select(t => t["id"]!.GetValue<string>()).ToList();
                    if (running.Count == 1 && queued.Count > 0)
                        return (node.Key, running[0]["id"]!.GetValue<string>(), queued);
                }
                return ((string, string, List<string>)?)null;
            },
            found => found is not null, Patience, "a node to run one task while it holds another");
        return found!.Value;
    }
}
