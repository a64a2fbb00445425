using System.Diagnostics;
using Orleans.Faas.IntegrationTests.Gateway;
using Xunit.Abstractions;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Cluster;

/// <summary>Three silo processes and a gateway; one silo is SIGKILLed while tasks run on it.</summary>
public sealed class ProviderLossTests(ITestOutputHelper output)
{
    private const int TaskCount = 60;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Every_task_completes_exactly_once_when_a_silo_is_killed_mid_run()
    {
        await using var cluster = await LabCluster.Create();
        await cluster.Start(["lab-a", "lab-b", "lab-c"], new Dictionary<string, string> { ["Faas__Worker__Slots"] = "4" });
        var http = cluster.Gateway!.Http;
        var name = UniqueName("sleepy");
        await http.RegisterOk(ClusterHttp.Sleepy(name));

        var inputs = new Dictionary<string, string>();
        for (var i = 0; i < TaskCount; i++)
        {
            var input = $"task-{i:D2}";
            inputs[await http.InvokeAccepted(name, input)] = input;
        }

        var victim = cluster.Silos[^1];
        var placed = await Task.WhenAll(inputs.Keys.Select(http.TaskEventually));
        Assert.Equal(3, placed.Select(t => t["provider"]?.GetValue<string>()).Distinct().Count());
        var onVictim = placed.Where(t => t["provider"]?.GetValue<string>() == victim.Name).Select(t => t["id"]!.GetValue<string>()).ToHashSet();
        var killedAt = DateTimeOffset.UtcNow;
        await victim.Kill();
        var clock = Stopwatch.StartNew();
        var detected = await UntilDown(http, victim.Name);

        var finished = await http.WaitForAll(inputs.Keys, Patience);

        Assert.All(finished.Values, t => Assert.Equal("COMPLETED", t["status"]!.GetValue<string>()));
        foreach (var (id, input) in inputs)
            Assert.Equal(input, await http.Result(id));
        var moved = finished.Where(f => onVictim.Contains(f.Key)).Select(f => f.Value).ToList();
        var retried = moved.Where(t => t["attempts"]!.GetValue<int>() > 1).ToList();
        Assert.NotEmpty(retried);
        Assert.All(retried, t => Assert.NotEqual(victim.Name, t["provider"]!.GetValue<string>()));

        var history = await EventuallyAllRecorded(http, name);
        Assert.Equal(inputs.Keys.Order(), history.Select(r => r!["taskId"]!.GetValue<string>()).Order());
        Assert.All(history, r => Assert.Equal("COMPLETED", r!["status"]!.GetValue<string>()));

        var lastRetried = retried.Max(t => DateTimeOffset.Parse(t["finishedAt"]!.GetValue<string>()));
        output.WriteLine($"{TaskCount} tasks, {onVictim.Count} placed on the killed silo, {retried.Count} retried; " +
            $"SIGKILL to provider DOWN: {detected.TotalSeconds:F1} s; to last retried task completed: {(lastRetried - killedAt).TotalSeconds:F1} s; " +
            $"all done {clock.Elapsed.TotalSeconds:F1} s after the kill.");
    }

    private static async Task<TimeSpan> UntilDown(HttpClient http, string provider)
    {
        var clock = Stopwatch.StartNew();
        await Poll.UntilAsync(
            () => HttpAnswer.Of(http.GetAsync($"/v1/providers/{provider}")), answer => answer.IsSuccess && answer.Json()["status"]!.GetValue<string>() == "DOWN",
            Patience, $"provider {provider} to be marked DOWN");
        return clock.Elapsed;
    }

    /// <summary>One history row per task: the lost attempts never finished, so they wrote none. Rows are written in batches.</summary>
    private static async Task<List<System.Text.Json.Nodes.JsonNode?>> EventuallyAllRecorded(HttpClient http, string function) =>
        [.. await Poll.UntilAsync(() => http.Executions(function), rows => rows.Count >= TaskCount, TimeSpan.FromSeconds(30), $"every run of {function} to be recorded")];
}
