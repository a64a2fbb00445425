using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Cli;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Compat.Pepper;

/// <summary>Declared features over /v1: declared in a definition, carried by invocations, recorded, learnt from and predicted with.</summary>
[Collection(PepperPlatformCollection.Name)]
public sealed class DeclaredFeatureHttpTests(PepperPlatformFixture platform)
{
    private static readonly TimeSpan TrainingPatience = TimeSpan.FromSeconds(90);

    /// <summary>The most runs an observed profile point keeps (<c>ObservedProfile.SamplesPerBucket</c>).</summary>
    private const int ObservedSamplesPerSize = 32;

    private HttpClient Http => platform.Http;

    /// <summary>
    /// Sleeps as many seconds as its input says, and declares that number as its feature <c>seconds</c>. Its CPU is
    /// set: without it a run records the node's default quota while placement predicts with all the node's cores, and
    /// the trees would answer from other functions' runs.
    /// </summary>
    private static object Sleeper(string name) => new
    {
        name,
        runtime = "process",
        command = new[] { "/bin/sh", "-c", "s=$(cat); sleep \"$s\"" },
        cpu = 1,
        features = new object[] { new { name = "seconds", required = true, min = 0, max = 1 } },
    };

    [Fact]
    public async Task A_definition_shows_its_features_and_a_bad_declaration_is_400_registering_nothing()
    {
        var name = UniqueName("declares");
        await Http.RegisterOk(Sleeper(name));

        var function = (await Http.GetFromJsonAsync<JsonObject>($"/v1/functions/{name}"))!;
        var feature = Assert.Single(function["features"]!.AsArray())!;
        Assert.Equal(("seconds", true, 0.0, 1.0), (feature["name"]!.GetValue<string>(), feature["required"]!.GetValue<bool>(), feature["min"]!.GetValue<double>(), feature["max"]!.GetValue<double>()));

        foreach (var features in new[] { """[{"name": "Bad-Name"}]""", """[{"name": "a"}, {"name": "a"}]""", """[{"name": "a", "min": 2, "max": 1}]""",
                     "[" + string.Join(",", Enumerable.Range(0, 9).Select(i => $$"""{"name": "f{{i}}"}""")) + "]" })
        {
            var bad = UniqueName("bad-features");
            var body = $$"""{"name": "{{bad}}", "runtime": "process", "command": ["/bin/cat"], "features": {{features}}}""";
            using var response = await Http.PostAsync("/v1/functions", new StringContent(body, Encoding.UTF8, "application/json"));
            var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
            Assert.True(problem["errors"]!["features"] is not null, problem.ToJsonString());
            Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/v1/functions/{bad}")).StatusCode);
        }
    }

    [Theory]
    [InlineData("seconds:0.1,nope:1", "features.nope")]
    [InlineData("seconds:NaN", "features.seconds")]
    [InlineData("seconds:2", "features.seconds")]
    [InlineData(null, "features.seconds")]
    [InlineData("seconds", "features")]
    [InlineData("seconds:1,seconds:2", "features")]
    public async Task Bad_feature_values_are_400_naming_them_on_every_way_of_invoking_and_predicting_and_nothing_runs(string? features, string field)
    {
        var name = UniqueName("refuses");
        await Http.RegisterOk(Sleeper(name));
        var query = features is null ? "" : $"?features={Uri.EscapeDataString(features)}";

        foreach (var path in new[] { "invocations", "invoke", "batches" })
        {
            using var response = await Http.PostAsync($"/v1/functions/{name}/{path}{query}",
                new StringContent(path == "batches" ? """["0.1"]""" : "0.1", Encoding.UTF8, path == "batches" ? "application/json" : "text/plain"));
            var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
            Assert.True(problem["errors"]![field] is not null, $"{path}: {problem.ToJsonString()}");
        }
        var prediction = await (await Http.GetAsync($"/v1/functions/{name}/predictions{(query.Length == 0 ? "?" : query + "&")}inputSize=3")).AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(prediction["errors"]![field] is not null, prediction.ToJsonString());
        Assert.Empty((await Http.GetFromJsonAsync<JsonArray>($"/v1/executions?function={name}"))!);
    }

    [Fact]
    public async Task Invocations_carrying_features_are_recorded_and_once_trained_on_change_the_predictions()
    {
        var name = UniqueName("sleeper");
        await Http.RegisterOk(Sleeper(name));
        // Every input is four bytes, so only the feature tells a long run from a short one.
        var runs = Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? "0.02" : "0.40").ToList();

        // One at a time, so every run starts on an idle node, as the predictions below ask about.
        foreach (var seconds in runs)
        {
            using var response = await Http.PostAsync($"/v1/functions/{name}/invocations?features=seconds:{seconds}", new StringContent(seconds));
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, await Describe(response));
            var task = await Http.WaitForTask((await response.Json())["taskId"]!.GetValue<string>());
            Assert.Equal("COMPLETED", task["status"]!.GetValue<string>());
        }

        var executions = (await Http.GetFromJsonAsync<JsonArray>($"/v1/executions?function={name}"))!;
        Assert.Equal(runs.Count, executions.Count);
        Assert.All(executions, e => Assert.Contains(e!["features"]!["seconds"]!.GetValue<double>(), new[] { 0.02, 0.40 }));
        Assert.All(executions.Where(e => e!["features"]!["seconds"]!.GetValue<double>() > 0.1), e => Assert.True(e!["wallMs"]!.GetValue<double>() >= 400));

        // Training and placement both take the function's profile as it is then: once it holds the runs, it stays put.
        await ObservedProfileFilled(name);
        var (shortBefore, longBefore) = (await Predicted(name, 0.02), await Predicted(name, 0.40));
        await Train();
        var (shortAfter, longAfter) = (await Predicted(name, 0.02), await Predicted(name, 0.40));

        Assert.Equal(shortBefore, longBefore);
        Assert.True(longAfter > 3 * shortAfter, $"trained model: {shortAfter:0} ms for 0.02 s, {longAfter:0} ms for 0.40 s");
    }

    [Fact]
    public async Task The_client_library_carries_features_on_invocations_and_predictions()
    {
        var client = platform.Client();
        var name = UniqueName("client-features");
        await client.RegisterFunctionAsync(new Orleans.Faas.Client.FunctionDefinition
        {
            Name = name,
            Runtime = Orleans.Faas.Client.FunctionRuntime.Process,
            Command = ["/bin/cat"],
            Features = [new Orleans.Faas.Client.DeclaredFeature { Name = "frames", Required = true, Max = 100 }],
        });
        var values = new Dictionary<string, double> { ["frames"] = 24 };

        var output = await client.InvokeAsync(name, "x"u8.ToArray(), new Orleans.Faas.Client.InvocationOptions { Features = values });
        var prediction = await client.PredictAsync(name, 1, values);
        var refused = await Assert.ThrowsAsync<Orleans.Faas.Client.FaasRequestException>(() => client.PredictAsync(name, 1, new Dictionary<string, double> { ["frames"] = 101 }));

        Assert.Equal("x"u8.ToArray(), output);
        Assert.Equal(24, prediction.Features!["frames"]);
        Assert.Equal("frames", Assert.Single((await client.GetFunctionAsync(name)).Features!).Name);
        Assert.Equal(400, refused.Status);
        var execution = Assert.Single(await Executions(name));
        Assert.Equal(24, execution!["features"]!["frames"]!.GetValue<double>());
    }

    [Fact]
    public async Task Faas_invoke_and_predict_take_features()
    {
        var name = UniqueName("cli-features");
        await Http.RegisterOk(Sleeper(name));

        var invoked = await FaasCli.Run(platform.Silo.GatewayUrl, null, "invoke", name, "--data", "0.01", "--feature", "seconds=0.01");
        var predicted = await FaasCli.Run(platform.Silo.GatewayUrl, null, "predict", name, "--input-size", "4", "--feature", "seconds=0.5", "--output", "json");
        var refused = await FaasCli.Run(platform.Silo.GatewayUrl, null, "predict", name, "--input-size", "4", "--feature", "seconds");

        Assert.True(invoked.ExitCode == 0, invoked.ToString());
        Assert.Equal(0.01, Assert.Single(await Executions(name))!["features"]!["seconds"]!.GetValue<double>());
        Assert.True(predicted.ExitCode == 0, predicted.ToString());
        Assert.Equal(0.5, predicted.Json["features"]!["seconds"]!.GetValue<double>());
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("name=value", refused.ToString());
    }

    [Fact]
    public async Task The_openapi_document_has_the_features_parameter_and_the_definition_field()
    {
        var document = (await Http.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;

        foreach (var (path, verb) in new[] { ("/v1/functions/{name}/invocations", "post"), ("/v1/functions/{name}/invoke", "post"), ("/v1/functions/{name}/batches", "post"), ("/v1/functions/{name}/predictions", "get") })
            Assert.Contains(document["paths"]![path]![verb]!["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "features");
        Assert.Contains("features", document["components"]!["schemas"]!["FunctionRegistrationRequest"]!["properties"]!.AsObject().Select(p => p.Key));
    }

    private async Task<double> Predicted(string name, double seconds)
    {
        var report = (await Http.GetFromJsonAsync<JsonObject>($"/v1/functions/{name}/predictions?inputSize=4&features=seconds:{seconds}"))!;
        var predicted = report["providers"]!.AsArray().Single()!["predictedRuntimeMs"];
        Assert.True(predicted is not null, $"No run time predicted: {report.ToJsonString()}");
        return predicted.GetValue<double>();
    }

    /// <summary>Polls the function's profile until its observed point holds as many runs as it keeps.</summary>
    private Task ObservedProfileFilled(string name) =>
        Poll.UntilAsync(
            async () => (await Http.GetFromJsonAsync<JsonObject>($"/v1/functions/{name}/profile"))!,
            profile => profile["points"]!.AsArray().Any(p => p!["stats"]!["samples"]!.GetValue<int>() >= ObservedSamplesPerSize), Patience,
            "the runs to reach the profile");

    private async Task<JsonArray> Executions(string name) => (await Http.GetFromJsonAsync<JsonArray>($"/v1/executions?function={name}"))!;

    /// <summary>Trains on request and asserts that the new model became the current one.</summary>
    private async Task Train()
    {
        var models = await Http.TrainModel(TrainingPatience);
        var latest = models["versions"]!.AsArray()[0]!;
        Assert.True(latest["promoted"]!.GetValue<bool>() && models["current"]?.GetValue<int>() == latest["version"]!.GetValue<int>(), models.ToJsonString());
    }
}
