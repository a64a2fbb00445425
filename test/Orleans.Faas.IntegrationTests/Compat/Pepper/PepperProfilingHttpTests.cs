using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Compat.Pepper;

/// <summary>PEPPER's <c>POST api/profiling</c> over plain HTTP, from its document's example.</summary>
[Collection(PepperPlatformCollection.Name)]
public sealed class PepperProfilingHttpTests(PepperPlatformFixture platform)
{
    private HttpClient Http => platform.Http;

    private Task<HttpResponseMessage> Profile(string body) =>
        Http.PostAsync("/compat/pepper/api/profiling", new StringContent(body, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task The_documents_request_answers_the_node_the_model_would_run_fastest_on_with_its_characteristics_echoed()
    {
        await Http.RegisterOk(new { name = "model", runtime = "process", command = new[] { "/bin/cat" }, features = PepperSeed.Features });

        using var response = await Profile(PepperSeed.Body);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
        var text = await response.Content.ReadAsStringAsync();
        var answer = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(["message", "model_characteristics", "profiling_prediction", "status"], answer.Select(p => p.Key));
        Assert.Equal("Profiling data received", answer["message"]!.GetValue<string>());
        Assert.Equal("success", answer["status"]!.GetValue<string>());
        Assert.Equal(["conv_layers", "fc_layers", "filter_details", "model", "model_input_size", "model_output_size", "pool_layers", "total_parameters"],
            answer["model_characteristics"]!.AsObject().Select(p => p.Key));
        Assert.Contains("\"total_parameters\":10000000000000000000", text);
        Assert.Equal(34535353535, answer["model_characteristics"]!["fc_layers"]!.GetValue<long>());

        var prediction = answer["profiling_prediction"]!.AsObject();
        Assert.Equal(["class", "device_model", "model", "node", "node_uuid", "predicted_execution_time"], prediction.Select(p => p.Key));
        Assert.Equal(PepperPlatformFixture.DeviceClass, prediction["class"]!.GetValue<string>());
        Assert.Equal(PepperPlatformFixture.DeviceModel, prediction["device_model"]!.GetValue<string>());
        Assert.Equal("model", prediction["model"]!.GetValue<string>());
        Assert.Equal(platform.Silo.Name, prediction["node"]!.GetValue<string>());
        var provider = (await Http.GetFromJsonAsync<JsonObject>($"/v1/providers/{platform.Silo.Name}"))!;
        Assert.Equal(provider["facts"]!["machineId"]?.GetValue<string>(), prediction["node_uuid"]?.GetValue<string>());
        Assert.Equal(PepperPlatformFixture.DeviceModel, provider["facts"]!["deviceModel"]!.GetValue<string>());
        Assert.True(prediction["predicted_execution_time"]!.GetValue<double>() > 0);
    }

    [Fact]
    public async Task The_answer_is_the_platforms_own_prediction_for_those_features()
    {
        var name = UniqueName("pepper-same");
        await Http.RegisterOk(new { name, runtime = "process", command = new[] { "/bin/cat" }, features = PepperSeed.Features });

        var answer = await (await Profile(PepperSeed.For(name))).Json();
        var report = (await Http.GetFromJsonAsync<JsonObject>(
            $"/v1/functions/{name}/predictions?inputSize=0&features=conv_layers:53,pool_layers:5,fc_layers:1,filter_details:64,total_parameters:2.5e7,model_input_size:150528,model_output_size:1000"))!;

        var best = report["providers"]!.AsArray().First(p => p!["fits"]!.GetValue<bool>())!;
        Assert.Equal(best["provider"]!.GetValue<string>(), answer["profiling_prediction"]!["node"]!.GetValue<string>());
        Assert.Equal(best["expectedFinishMs"]!.GetValue<double>() / 1000, answer["profiling_prediction"]!["predicted_execution_time"]!.GetValue<double>(), 2);
    }

    [Theory]
    [InlineData("""{"conv_layers": 3}""", "model")]
    [InlineData("""{"model": 7}""", "model")]
    [InlineData("""{"model": "m", "conv_layers": "three"}""", "conv_layers")]
    [InlineData("""[1, 2]""", "body")]
    public async Task A_body_that_is_not_model_characteristics_is_400_naming_the_member(string body, string field)
    {
        var problem = await (await Profile(body)).AssertProblem(HttpStatusCode.BadRequest);

        Assert.True(problem["errors"]![field] is not null, problem.ToJsonString());
    }

    [Fact]
    public async Task A_characteristic_the_models_function_does_not_declare_is_400_and_an_unknown_model_404()
    {
        var name = UniqueName("pepper-few");
        await Http.RegisterOk(new { name, runtime = "process", command = new[] { "/bin/cat" }, features = new[] { new { name = "conv_layers" } } });

        var undeclared = await (await Profile(PepperSeed.For(name))).AssertProblem(HttpStatusCode.BadRequest);
        await (await Profile(PepperSeed.For(UniqueName("nobody")))).AssertProblem(HttpStatusCode.NotFound);

        Assert.True(undeclared["errors"]!.AsObject().Any(e => e.Key.StartsWith("features.", StringComparison.Ordinal)), undeclared.ToJsonString());
        Assert.Empty((await Http.GetFromJsonAsync<JsonArray>($"/v1/executions?function={name}"))!);
    }

    [Fact]
    public async Task The_route_is_in_the_openapi_document_under_its_own_tag()
    {
        var document = (await Http.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;

        var route = document["paths"]!["/compat/pepper/api/profiling"]!["post"]!;
        Assert.Equal("Compat: PEPPER", route["tags"]![0]!.GetValue<string>());
        Assert.Contains("200", route["responses"]!.AsObject().Select(r => r.Key));
    }
}
