using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Gateway;

/// <summary>Placement over HTTP: policies and constraints in definitions, decisions on tasks, predictions and models.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class PlacementHttpTests(EmbeddedPlatformFixture platform)
{
    private static readonly TimeSpan TrainingPatience = TimeSpan.FromSeconds(90);

    private HttpClient Http => platform.Http;

    private static object CatWith(string name, object placement) => new { name, runtime = "process", command = new[] { "/bin/cat" }, placement };

    [Fact]
    public async Task A_function_requiring_the_nodes_label_runs_there_and_its_task_says_why()
    {
        var name = UniqueName("zoned");
        await Http.RegisterOk(CatWith(name, new { policy = "least-loaded", requires = new Dictionary<string, string> { [EmbeddedPlatformFixture.Label.Key] = EmbeddedPlatformFixture.Label.Value } }));

        var function = (await Http.GetFromJsonAsync<JsonObject>($"/v1/functions/{name}"))!;
        var task = await Http.WaitForTask((await (await Http.InvokeAsync(name, "x")).Json())["taskId"]!.GetValue<string>());

        Assert.Equal("least-loaded", function["placement"]!["policy"]!.GetValue<string>());
        Assert.Equal("COMPLETED", task["status"]!.GetValue<string>());
        Assert.Equal("least-loaded", task["placement"]!["policy"]!.GetValue<string>());
        Assert.True(task["placement"]!["expectedFinishMs"]!.GetValue<double>() > 0);
        var node = (await Http.GetFromJsonAsync<JsonObject>($"/v1/providers/{platform.Silo.Name}"))!;
        Assert.Equal(EmbeddedPlatformFixture.Label.Value, node["facts"]!["labels"]![EmbeddedPlatformFixture.Label.Key]!.GetValue<string>());
    }

    [Fact]
    public async Task A_function_no_ready_provider_can_satisfy_gets_503_naming_the_unmet_constraint_and_no_task()
    {
        var name = UniqueName("gpu");
        await Http.RegisterOk(CatWith(name, new { requires = new Dictionary<string, string> { ["gpu"] = "true", [EmbeddedPlatformFixture.Label.Key] = EmbeddedPlatformFixture.Label.Value } }));

        using var response = await Http.InvokeAsync(name, "x");

        var problem = await response.AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("gpu=true", problem["constraint"]!.GetValue<string>());
        Assert.Contains("gpu=true", problem["detail"]!.GetValue<string>());
        Assert.Empty((await Http.GetFromJsonAsync<JsonArray>($"/v1/executions?function={name}"))!);
    }

    [Theory]
    [InlineData("""{"policy": "fastest-ever"}""")]
    [InlineData("""{"requires": {"gpu": "yes please"}}""")]
    [InlineData("""{"requires": {"": "x"}}""")]
    [InlineData("""{"prefer": "fast"}""")]
    public async Task A_bad_placement_is_refused_with_400_and_registers_nothing(string placement)
    {
        var name = UniqueName("bad-placement");
        var body = $$"""{"name": "{{name}}", "runtime": "process", "command": ["/bin/cat"], "placement": {{placement}}}""";

        using var response = await Http.PostAsync("/v1/functions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/v1/functions/{name}")).StatusCode);
    }

    [Fact]
    public async Task Predictions_list_every_provider_best_first_with_the_model_that_answered()
    {
        var name = UniqueName("predicted");
        await Http.RegisterOk(Cat(name));

        var report = (await Http.GetFromJsonAsync<JsonObject>($"/v1/functions/{name}/predictions?inputSize=1000"))!;

        Assert.Equal(1000, report["inputSize"]!.GetValue<long>());
        Assert.False(report["profiled"]!.GetValue<bool>());
        Assert.True(report["modelVersion"]!.GetValue<int>() >= 0);
        var provider = report["providers"]!.AsArray().Single()!;
        Assert.Equal(platform.Silo.Name, provider["provider"]!.GetValue<string>());
        Assert.True(provider["fits"]!.GetValue<bool>());
        Assert.True(provider["expectedFinishMs"]!.GetValue<double>() > 0);
        Assert.Equal(1, provider["correction"]!.GetValue<double>());
        Assert.True(provider["runtimeSpread"]!.GetValue<double>() > 1);
        Assert.Equal(
            provider["expectedWaitMs"]!.GetValue<double>() + provider["expectedRuntimeMs"]!.GetValue<double>() + provider["coldStartMs"]!.GetValue<double>(),
            provider["expectedFinishMs"]!.GetValue<double>(), 6);
        await (await Http.GetAsync($"/v1/functions/{name}/predictions")).AssertProblem(HttpStatusCode.BadRequest);
        await (await Http.GetAsync($"/v1/functions/{name}/predictions?inputSize=-1")).AssertProblem(HttpStatusCode.BadRequest);
        await (await Http.GetAsync("/v1/functions/nobody-home/predictions?inputSize=1")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_invocation_with_a_deadline_keeps_the_time_left_and_its_chance_on_the_decision_and_one_without_keeps_only_the_spread()
    {
        var name = UniqueName("deadline");
        await Http.RegisterOk(Cat(name));

        var withDeadline = await Http.WaitForTask(await TaskOf(await Http.PostAsync($"/v1/functions/{name}/invocations?deadlineSeconds=30", new StringContent("x"))));
        var without = await Http.WaitForTask(await TaskOf(await Http.InvokeAsync(name, "x")));

        var placement = withDeadline["placement"]!;
        Assert.Equal("COMPLETED", withDeadline["status"]!.GetValue<string>());
        Assert.InRange(placement["deadlineMs"]!.GetValue<double>(), 1, 30_000);
        Assert.InRange(placement["onTimeProbability"]!.GetValue<double>(), 0.5, 1);
        Assert.True(placement["runtimeSpread"]!.GetValue<double>() >= 1);
        Assert.Null(without["placement"]!["deadlineMs"]);
        Assert.Null(without["placement"]!["onTimeProbability"]);
        Assert.True(without["placement"]!["runtimeSpread"]!.GetValue<double>() >= 1);
    }

    [Theory]
    [InlineData("invocations", "0")]
    [InlineData("invocations", "-1")]
    [InlineData("invoke", "86401")]
    [InlineData("invoke", "NaN")]
    [InlineData("invocations", "Infinity")]
    [InlineData("invocations", "soon")]
    [InlineData("batches", "0")]
    public async Task A_bad_deadline_is_a_400_naming_it_and_nothing_runs(string verb, string deadline)
    {
        var name = UniqueName("bad-deadline");
        await Http.RegisterOk(Cat(name));

        using var response = await Http.PostAsync($"/v1/functions/{name}/{verb}?deadlineSeconds={deadline}",
            new StringContent(verb == "batches" ? "[\"x\"]" : "x", System.Text.Encoding.UTF8, verb == "batches" ? "application/json" : "text/plain"));

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("deadlineSeconds", problem.ToJsonString());
        Assert.Empty((await Http.GetFromJsonAsync<JsonArray>($"/v1/executions?function={name}"))!);
    }

    private static async Task<string> TaskOf(HttpResponseMessage accepted)
    {
        using (accepted)
            return (await accepted.Json())["taskId"]!.GetValue<string>();
    }

    [Fact]
    public async Task Training_on_request_runs_in_a_child_process_and_ends_with_an_outcome_the_models_endpoint_shows()
    {
        var name = UniqueName("learnt");
        await Http.RegisterOk(Cat(name));
        for (var i = 0; i < 25; i++)
            await Http.WaitForTask((await (await Http.InvokeAsync(name, new string('x', 100 * (i + 1)))).Json())["taskId"]!.GetValue<string>());
        // A task is COMPLETED before its row reaches the history, which is written without holding up the worker.
        await Poll.UntilAsync(async () => (await Http.GetFromJsonAsync<JsonArray>($"/v1/executions?function={name}"))!, rows => rows.Count >= 25,
            Patience, $"the 25 runs of {name} to reach the history");

        var models = await Http.TrainModel(TrainingPatience);

        var outcome = models["training"]!["lastOutcome"]!.GetValue<string>();
        Assert.DoesNotContain("failed", outcome);
        var latest = models["versions"]!.AsArray()[0]!;
        Assert.True(latest["metrics"]!["rows"]!.GetValue<int>() >= 25, models.ToJsonString());
        Assert.True(latest["linear"]!["folds"]!.GetValue<int>() >= 2);
        Assert.Equal(latest["promoted"]!.GetValue<bool>(), models["current"]?.GetValue<int>() == latest["version"]!.GetValue<int>());
        await (await Http.GetAsync("/v1/models?limit=0")).AssertProblem(HttpStatusCode.BadRequest);
    }
}
