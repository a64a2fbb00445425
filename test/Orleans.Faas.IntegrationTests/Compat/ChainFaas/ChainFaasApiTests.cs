using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Benchmarks;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Compat.ChainFaas;

/// <summary>The ChainFaaS scheduler's API over plain HTTP, on a real silo, written from its document's curl examples.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class ChainFaasApiTests(EmbeddedPlatformFixture platform)
{
    private HttpClient Http => platform.Http;

    [Fact]
    public async Task Run_service_by_its_service_id_runs_it_once_and_answers_what_ran_where_and_how_long()
    {
        var (name, serviceId) = await Service("/usr/bin/tr", "a-z", "A-Z");

        using var response = await Http.RunService(serviceId.ToString(), ChainFaasHttp.Once());

        var answer = await Http.Finished(response);
        Assert.Equal("COMPLETED", answer["status"]!.GetValue<string>());
        Assert.Equal("NONE", answer["result"]!.GetValue<string>());
        Assert.Equal(name, answer["service"]!.GetValue<string>());
        var invocation = Assert.Single(answer["invocations"]!.AsArray())!;
        Assert.Equal(answer["job_id"]!.GetValue<string>(), invocation["task_id"]!.GetValue<string>());
        Assert.Equal(answer["provider"]!.GetValue<string>(), invocation["provider"]!.GetValue<string>());
        foreach (var time in new[] { "providing_time", "run_time", "total_time" })
            Assert.True(answer[time]!.GetValue<double>() >= 0, time);
        var task = await Http.WaitForTask(invocation["task_id"]!.GetValue<string>());
        Assert.Equal(answer["provider"]!.GetValue<string>(), task["provider"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_service_by_name_runs_the_function_of_that_name()
    {
        var (name, _) = await Service("/usr/bin/tr", "a-z", "A-Z");

        using var response = await Http.RunService(name, ChainFaasHttp.Once("by name"));

        Assert.Equal("BY NAME", (await Http.Finished(response))["result"]!.GetValue<string>());
    }

    [Fact]
    public async Task Several_invocations_are_a_batch_with_every_output_in_order()
    {
        var (_, serviceId) = await Service("/usr/bin/tr", "a-z", "A-Z");

        using var response = await Http.RunService(serviceId.ToString(), ChainFaasHttp.Times(3, chained: false, "x"));

        var answer = await Http.Finished(response);
        Assert.Equal("batch", answer["mode"]!.GetValue<string>());
        Assert.Equal(["X", "X", "X"], answer["result"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(3, answer["invocations"]!.AsArray().Select(i => i!["task_id"]!.GetValue<string>()).Distinct().Count());
        var batch = (await Http.GetFromJsonAsync<JsonObject>($"/v1/batches/{answer["job_id"]}"))!;
        Assert.Equal(3, batch["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Chained_invocations_feed_each_output_to_the_next_as_a_chain_run()
    {
        var (name, serviceId) = await Service("/bin/sed", "s/$/!/");

        using var response = await Http.RunService(serviceId.ToString(), ChainFaasHttp.Times(3, chained: true, "go"));

        var answer = await Http.Finished(response);
        Assert.Equal("chain", answer["mode"]!.GetValue<string>());
        // sed keeps a last line without a newline so: no newline comes in, none goes out.
        Assert.Equal("go!!!", answer["result"]!.GetValue<string>());
        Assert.Equal(["go!", "go!!", "go!!!"], answer["invocations"]!.AsArray().Select(i => i!["result"]!.GetValue<string>()));
        var run = (await Http.GetFromJsonAsync<JsonObject>($"/v1/chains/{name}/runs/{answer["job_id"]}"))!;
        Assert.Equal("COMPLETED", run["status"]!.GetValue<string>());
        Assert.Equal(3, run["steps"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("""{"numberOfInvocations": 0, "chained": false, "input": "x", "runMultipleInvocations": true}""", "numberOfInvocations")]
    [InlineData("""{"numberOfInvocations": 101, "chained": true, "input": "x", "runMultipleInvocations": true}""", "numberOfInvocations")]
    [InlineData("""{"numberOfInvocations": "many"}""", "")]
    [InlineData("not json", "")]
    public async Task A_bad_run_request_is_400_and_runs_nothing(string body, string detail)
    {
        var (name, serviceId) = await Service("/bin/cat");

        using var response = await Http.PostAsync($"{ChainFaasHttp.Base}/developers/run_service/{serviceId}", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains(detail, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("[]", (await Http.GetFromJsonAsync<JsonArray>($"/v1/executions?function={name}"))!.ToJsonString());
    }

    [Fact]
    public async Task An_unknown_service_is_404()
    {
        foreach (var service in new[] { ChainFaasHttp.NewServiceId().ToString(), UniqueName("no-such"), "Not A Name" })
        {
            using var response = await Http.RunService(service, ChainFaasHttp.Once());
            await response.AssertProblem(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task A_service_id_is_shown_with_its_function_and_unique_in_its_namespace()
    {
        var (name, serviceId) = await Service("/bin/cat");

        var function = (await Http.GetFromJsonAsync<JsonObject>($"/v1/functions/{name}"))!;
        Assert.Equal(serviceId, function["serviceId"]!.GetValue<int>());
        using var again = await Http.Register(new { name, runtime = "process", command = new[] { "/bin/cat" }, serviceId });
        Assert.True(again.StatusCode == HttpStatusCode.OK, await Describe(again));

        var other = UniqueName("other");
        using var taken = await Http.Register(new { name = other, runtime = "process", command = new[] { "/bin/cat" }, serviceId });
        var problem = await taken.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains(name, problem["errors"]!["serviceId"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        using var zero = await Http.Register(new { name = other, runtime = "process", command = new[] { "/bin/cat" }, serviceId = 0 });
        await zero.AssertProblem(HttpStatusCode.BadRequest);
        Assert.DoesNotContain(other, await Http.FunctionsSnapshot(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculate_efficiency_answers_the_providers_scores_against_the_reference_measuring_them_when_it_has_none()
    {
        var provider = (await Http.Providers())[0]!["id"]!.GetValue<string>();
        var scores = (await Poll.UntilAsync(
            async () =>
            {
                var answer = await HttpAnswer.Of(Http.GetAsync($"{ChainFaasHttp.Base}/providers/calculate_efficiency/{provider}"));
                // Not measured yet: a provider benchmark was started (202) or another job holds the slot (409 {"wait"}).
                Assert.True(answer.Status is HttpStatusCode.OK or HttpStatusCode.Accepted or HttpStatusCode.Conflict, answer.ToString());
                if (answer.Status == HttpStatusCode.Accepted)
                    await Http.WaitForBenchmark(answer.Json()["benchmark_id"]!.GetValue<string>());
                return answer;
            },
            answer => answer.Status == HttpStatusCode.OK, BenchmarkHttp.JobPatience, "the provider to be measured", BenchmarkHttp.SlotPoll)).Json();

        Assert.Equal(provider, scores["provider_id"]!.GetValue<string>());
        Assert.True(scores["cpu_efficiency_score"]!.GetValue<double>() > 0);
        Assert.True(scores["memory_efficiency_score"]!.GetValue<double>() > 0);
        var listed = (await Http.GetFromJsonAsync<JsonObject>($"/v1/providers/{provider}"))!["scores"]!;
        Assert.Equal(listed["cpuEfficiency"]!.GetValue<double>(), scores["cpu_efficiency_score"]!.GetValue<double>());
        Assert.Equal(listed["reference"]!.GetValue<string>(), scores["reference_provider_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Calculate_efficiency_of_an_unknown_provider_is_404()
    {
        using var response = await Http.GetAsync($"{ChainFaasHttp.Base}/providers/calculate_efficiency/34933555-5cca-41fb-aded-4ab7900c48d5");

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Set_reference_stats_profiles_the_service_on_the_reference_provider_with_its_input()
    {
        var (name, serviceId) = await Service("/usr/bin/tr", "a-z", "A-Z");

        // The document's form: the service in the body, the path ending in a slash.
        var started = await Http.StartedWhenFree(() => Http.PostAsJsonAsync(
            $"{ChainFaasHttp.Base}/providers/set_reference_stats_for_service/", new { service_id = name, input = "None" }));
        var job = await Http.WaitForBenchmark(started["benchmark_id"]!.GetValue<string>());
        Assert.Equal("FINISHED", job["status"]!.GetValue<string>());
        var profile = (await Http.GetFromJsonAsync<JsonObject>($"/v1/functions/{name}/profile"))!;
        Assert.Contains(profile["points"]!.AsArray(), p => p!["inputSize"]!.GetValue<long>() == 4);

        // The service id in the path, without a body: an empty input.
        started = await Http.StartedWhenFree(() => Http.PostAsync($"{ChainFaasHttp.Base}/providers/set_reference_stats_for_service/{serviceId}", null));
        Assert.Equal("FINISHED", (await Http.WaitForBenchmark(started["benchmark_id"]!.GetValue<string>()))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Set_reference_stats_while_another_job_holds_the_slot_answers_wait()
    {
        var (_, serviceId) = await Service("/bin/cat");
        var holder = await Http.StartWhenFree(new { kind = "providers", repetitions = 100 });
        try
        {
            using var response = await Http.PostAsync($"{ChainFaasHttp.Base}/providers/set_reference_stats_for_service/{serviceId}", null);

            Assert.True(response.StatusCode == HttpStatusCode.Conflict, await Describe(response));
            var body = await response.Json();
            Assert.Equal(["wait"], body.Select(p => p.Key));
            Assert.True(body["wait"]!.GetValue<double>() > 0);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        }
        finally
        {
            using var cancelled = await Http.PostAsync($"/v1/benchmarks/{holder}/cancel", null);
        }
    }

    [Fact]
    public async Task Set_reference_stats_of_no_service_is_400_and_of_an_unknown_one_404()
    {
        using var none = await Http.PostAsJsonAsync($"{ChainFaasHttp.Base}/providers/set_reference_stats_for_service/", new { });
        await none.AssertProblem(HttpStatusCode.BadRequest);
        using var unknown = await Http.PostAsJsonAsync($"{ChainFaasHttp.Base}/providers/set_reference_stats_for_service/", new { service_id = UniqueName("no-such") });
        await unknown.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Its_routes_are_in_the_openapi_document_under_a_tag_of_their_own()
    {
        var paths = (await Http.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!["paths"]!.AsObject();

        foreach (var (path, method) in new[]
        {
            ("developers/run_service/{service_id}", "post"), ("providers/calculate_efficiency/{provider_id}", "get"),
            ("providers/set_reference_stats_for_service/{service_id}", "post"),
        })
            Assert.Equal("Compat: ChainFaaS", paths[$"{ChainFaasHttp.Base}/{path}"]![method]!["tags"]![0]!.GetValue<string>());
    }

    /// <summary>A process function with a service id of its own.</summary>
    private async Task<(string Name, int ServiceId)> Service(params string[] command)
    {
        var name = UniqueName("svc");
        var serviceId = ChainFaasHttp.NewServiceId();
        await Http.RegisterOk(new { name, runtime = "process", command, serviceId });
        return (name, serviceId);
    }
}
