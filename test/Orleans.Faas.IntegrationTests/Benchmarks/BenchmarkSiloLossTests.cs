using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Cluster;
using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Benchmarks;

/// <summary>A silo SIGKILLed while it runs a benchmark job, with a task pinned to it.</summary>
public sealed class BenchmarkSiloLossTests
{
    [Fact]
    public async Task The_slot_is_free_again_once_the_jobs_silo_is_declared_dead_and_its_pinned_task_fails_instead_of_moving()
    {
        await using var cluster = await LabCluster.Create();
        await cluster.Start(["loss-a", "loss-b"], new Dictionary<string, string>
        {
            ["Faas__Docker__Endpoint"] = TestEnvironment.DockerEndpoint,
            ["Faas__Scheduling__AutoBenchmark"] = "false",
        });
        var http = cluster.Gateway!.Http;
        var name = UniqueName("sleepy");
        await http.RegisterOk(Hello(name, 60, "/bin/sleep", "2"));
        var id = await http.StartWhenFree(new { kind = "workload", function = name, inputSizes = new[] { 0 }, repetitions = 20 });
        var host = await HostOf(http, id);
        var victim = cluster.Silos.Single(s => s.Name == host);
        using var pinnedResponse = await http.PostAsync($"/v1/functions/{name}/invocations?provider={host}", new StringContent(""));
        var pinned = (await pinnedResponse.Json())["taskId"]!.GetValue<string>();

        await victim.Kill();

        var freed = await http.StartWhenFree(new { kind = "workload", function = name, inputSizes = new[] { 0 }, repetitions = 1 });
        var interrupted = await http.WaitForBenchmark(id);
        Assert.Equal("FAILED", interrupted["status"]!.GetValue<string>());
        Assert.Contains("interrupted", interrupted["error"]!.GetValue<string>());
        Assert.Equal("FINISHED", (await http.WaitForBenchmark(freed))["status"]!.GetValue<string>());

        var task = (await http.WaitForAll([pinned], BenchmarkHttp.JobPatience))[pinned];
        Assert.Equal("FAILED", task["status"]!.GetValue<string>());
        Assert.Equal("provider lost", task["failureReason"]!.GetValue<string>());
        Assert.Contains($"pinned to provider '{host}'", task["error"]!.GetValue<string>());

        // Every try is refused; the gateway silo's view learns the status (DOWN) from the provider's push, a moment after the loss.
        await Poll.UntilAsync(
            async () =>
            {
                using var refused = await http.PostAsync($"/v1/functions/{name}/invocations?provider={host}", new StringContent(""));
                return (await refused.AssertProblem(HttpStatusCode.ServiceUnavailable))["detail"]!.GetValue<string>();
            },
            detail => detail.Contains("DOWN", StringComparison.Ordinal), Patience, "the lost provider to be refused as DOWN");
    }

    private static async Task<string> HostOf(HttpClient http, string id) =>
        (await Poll.UntilAsync(
            async () => (await http.GetFromJsonAsync<JsonObject>($"/v1/benchmarks/{id}"))!,
            job => job["status"]!.GetValue<string>() == "RUNNING" && job["done"]!.GetValue<int>() > 0, Patience, $"benchmark {id} to get going"))
        ["host"]!.GetValue<string>();
}
