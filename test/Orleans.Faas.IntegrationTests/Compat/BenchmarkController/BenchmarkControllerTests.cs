using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Benchmarks;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Compat.BenchmarkController;

/// <summary>
/// The Benchmark Platform Controller's API from its README, over plain HTTP against the embedded silo and real dockerd:
/// run_benchmark with service overrides, the wait while the slot is held, set_result freeing a stuck job, get_result.
/// </summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class BenchmarkControllerTests(EmbeddedPlatformFixture platform)
{
    private const string Api = "/compat/benchmark-controller/api/v1.0";

    private HttpClient Http => platform.Http;

    private Task<HttpResponseMessage> Post(string path, string json) =>
        Http.PostAsync(Api + path, new StringContent(json, Encoding.UTF8, "application/json"));

    private Task<JsonObject> Result(string id, params string[] until) =>
        Poll.UntilAsync(
            async () => (await Http.GetFromJsonAsync<JsonObject>($"{Api}/get_result/{id}"))!,
            result => until.Length == 0 || until.Contains(result["status"]!.GetValue<string>()), Patience, $"benchmark {id} to reach {string.Join("|", until)}");

    [Fact]
    public async Task A_stuck_benchmark_holds_the_slot_until_set_result_ends_it_then_an_overridden_version_runs_to_its_result()
    {
        var service = UniqueName("forwarder");
        await Http.RegisterOk(Hello(service, 30, "sleep", "20"));
        await Http.RegisterOk(Hello(service));

        // Version 1 sleeps: the job holds the slot, and another run is told to wait.
        var stuck = await (await Post("/run_benchmark", $$$"""{"override_services": {"{{{service}}}": {}}, "target_system": {"version": "1"}}""")).Json();
        var id = stuck["result_id"]!.GetValue<string>();
        Assert.Equal("RUNNING", (await Result(id))["status"]!.GetValue<string>());
        var busy = await (await Post("/run_benchmark", "{\"override_services\": {\"" + service + "\": {}}}")).Json();
        Assert.True(busy["wait"]!.GetValue<double>() >= 1, busy.ToJsonString());

        // The README's wget example: the result set from outside ends it, with cleanup, and frees the slot.
        using var set = await Post($"/set_result/{id}", """{"some": "results"}""");
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var ended = await Result(id);
        Assert.Equal("FINISHED", ended["status"]!.GetValue<string>());
        Assert.Equal("results", ended["result"]!["some"]!.GetValue<string>());
        Assert.Empty(await platform.Docker.ContainersOfJob(id));
        await (await Post($"/set_result/{id}", "{}")).AssertProblem(HttpStatusCode.Conflict);

        // The README's "many configurations override" example, on the latest version with a workload of our own.
        var body = $$$"""
            {"override_services": {"{{{service}}}": {"image": "faas-samples/hello:latest", "cpus": "0.25", "mem_limit": "800mb",
               "environment": ["DNN_WEIGHTS_PATH=/content-extractor/yolo.h5"]}},
             "target_system": {"version": "v2"},
             "benchmark": {"inputs": ["Ada", "Grace"], "repetitions": 2}}
            """;
        var started = await (await Post("/run_benchmark", body)).Json();
        var done = await Result(started["result_id"]!.GetValue<string>(), "FINISHED", "FAILED");
        Assert.Equal("FINISHED", done["status"]!.GetValue<string>());
        var measured = done["result"]!.AsArray();
        Assert.Equal([3L, 5L], measured.Select(m => m!["inputSize"]!.GetValue<long>()).Order());
        Assert.All(measured, m => Assert.Equal(2, m!["stats"]!["samples"]!.GetValue<int>()));
        var job = (await Http.GetFromJsonAsync<JsonObject>($"/v1/benchmarks/{started["result_id"]}"))!;
        Assert.Equal(2, job["request"]!["version"]!.GetValue<int>());
        Assert.Equal(0.25, job["request"]!["overrides"]!["cpu"]!.GetValue<double>());
        Assert.Equal(800, job["request"]!["overrides"]!["memoryMiB"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{"override_services": {"svc": {"mem_limit": "lots"}}}""", "override_services.svc.mem_limit")]
    [InlineData("""{"override_services": {"svc": {"cpus": "many"}}}""", "override_services.svc.cpus")]
    [InlineData("""{"override_services": {"svc": {}}, "target_system": {"version": "1.0.0"}}""", "target_system.version")]
    [InlineData("""{"override_services": {"a": {}, "b": {}}}""", "benchmark.function")]
    [InlineData("""{"override_services": {}}""", "benchmark.function")]
    [InlineData("""{"override_services": {"svc": {}}, "datasets": ["coco2017-val-300x300-30fps.flv"]}""", "datasets")]
    public async Task A_bad_request_names_its_field_and_starts_nothing(string body, string field)
    {
        var before = await Http.GetStringAsync("/v1/benchmarks");

        var problem = await (await Post("/run_benchmark", body)).AssertProblem(HttpStatusCode.BadRequest);

        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
        Assert.Equal(before, await Http.GetStringAsync("/v1/benchmarks"));
    }

    [Fact]
    public async Task Unknown_results_are_404_and_malformed_bodies_400()
    {
        var before = await Http.GetStringAsync("/v1/benchmarks");
        await (await Http.GetAsync($"{Api}/get_result/{Guid.NewGuid()}")).AssertProblem(HttpStatusCode.NotFound);
        await (await Post($"/set_result/{Guid.NewGuid()}", """{"some": "result"}""")).AssertProblem(HttpStatusCode.NotFound);
        await (await Post($"/set_result/{Guid.NewGuid()}", "not json")).AssertProblem(HttpStatusCode.BadRequest);
        await (await Post("/run_benchmark", """{"override_services": {"svc": {"ports": []}}}""")).AssertProblem(HttpStatusCode.BadRequest);
        await (await Post("/run_benchmark", """{"target_system": {"git_repository": "git.example.org/lab/mps-node.git"}}""")).AssertProblem(HttpStatusCode.BadRequest);
        await (await Post("/run_benchmark", """{"override_services": {"nobody-home": {}}}""")).AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(before, await Http.GetStringAsync("/v1/benchmarks"));
    }
}
