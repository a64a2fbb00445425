using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Benchmarks;

/// <summary>Placement by expected finish on three unequal providers: the fast node first, the slower ones as its queue grows.</summary>
[Collection(BenchmarkLabCollection.Name)]
public sealed class PredictivePlacementTests(BenchmarkLab lab, ITestOutputHelper output)
{
    private HttpClient Http => lab.Http;

    [Fact]
    public async Task A_cpu_heavy_function_lands_on_the_fast_node_at_low_load_and_spills_to_the_slower_ones_as_its_queue_grows()
    {
        var name = UniqueName("cpu-heavy");
        await Http.RegisterOk(new
        {
            name,
            image = "orleans-faas/benchmark:latest",
            command = new[] { "/faas-bench", "cpu", "1" },
            cpu = 1.0,
            memoryMiB = 128,
            pullPolicy = "never",
            timeoutSeconds = 120,
        });
        var profile = await Http.WaitForBenchmark(await Http.StartWhenFree(new { inputSizes = new[] { 1 }, repetitions = 3 }, $"/v1/functions/{name}/profile"));
        Assert.Equal("FINISHED", profile["status"]!.GetValue<string>());

        var predictions = (await Http.GetFromJsonAsync<JsonObject>($"/v1/functions/{name}/predictions?inputSize=1"))!;
        output.WriteLine(predictions.ToJsonString());
        var byProvider = predictions["providers"]!.AsArray().ToDictionary(p => p!["provider"]!.GetValue<string>(), p => p!["predictedRuntimeMs"]!.GetValue<double>());
        Assert.Equal("node-a", predictions["providers"]![0]!["provider"]!.GetValue<string>());
        Assert.True(byProvider["node-c"] > 2.5 * byProvider["node-a"], "The slowest node must be predicted far slower than the fastest.");

        var alone = new List<string>();
        for (var i = 0; i < 5; i++)
            alone.Add(await RunToEnd(name));
        output.WriteLine($"one at a time: {string.Join(", ", alone)}");
        Assert.True(alone.Count(p => p == "node-a") >= 4, $"At low load the fast node must take nearly everything: {string.Join(", ", alone)}");

        var burst = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Submit(name)));
        var placed = await Task.WhenAll(burst.Select(Http.WaitForTask));
        var counts = placed.GroupBy(t => t["provider"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"a burst of 16: {string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"))}");
        Assert.All(placed, t => Assert.Equal("COMPLETED", t["status"]!.GetValue<string>()));
        Assert.True(counts.GetValueOrDefault("node-a") > counts.GetValueOrDefault("node-b") && counts.GetValueOrDefault("node-a") > counts.GetValueOrDefault("node-c"),
            "The fast node must still take the most.");
        Assert.True(counts.GetValueOrDefault("node-b") + counts.GetValueOrDefault("node-c") >= 2, "Once the fast node's queue grows, work must spill to the slower nodes.");
        Assert.All(placed, t => Assert.Equal("predictive", t["placement"]!["policy"]!.GetValue<string>()));
    }

    private async Task<string> Submit(string name)
    {
        using var response = await Http.InvokeAsync(name, "");
        response.EnsureSuccessStatusCode();
        return (await response.Json())["taskId"]!.GetValue<string>();
    }

    private async Task<string> RunToEnd(string name)
    {
        var task = await Http.WaitForTask(await Submit(name));
        Assert.Equal("COMPLETED", task["status"]!.GetValue<string>());
        return task["provider"]!.GetValue<string>();
    }
}
