using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Compat.Pepper;

/// <summary>PEPPER end to end on real dockerd: a model's function runs in containers with its characteristics, then the profiler places it.</summary>
[Collection(PepperPlatformCollection.Name)]
public sealed class PepperDockerTests(PepperPlatformFixture platform)
{
    private HttpClient Http => platform.Http;

    [Fact]
    public async Task A_model_run_in_containers_with_its_characteristics_is_recorded_and_profiled_onto_this_node()
    {
        var name = UniqueName("pepper-docker");
        await Http.RegisterOk(new
        {
            name,
            runtime = "docker",
            image = "faas-samples/hello:latest",
            cpu = 0.5,
            memoryMiB = 64,
            features = PepperSeed.Features,
        });
        var characteristics = "conv_layers:53,pool_layers:5,fc_layers:1,filter_details:64,total_parameters:25000000,model_input_size:150528,model_output_size:1000";

        for (var i = 0; i < 3; i++)
        {
            using var run = await Http.PostAsync($"/v1/functions/{name}/invoke?features={characteristics}", new StringContent("image"));
            Assert.True(run.StatusCode == HttpStatusCode.OK, await Describe(run));
        }
        using var response = await Http.PostAsync("/compat/pepper/api/profiling", new StringContent(PepperSeed.For(name, totalParameters: 25000000), Encoding.UTF8, "application/json"));

        var executions = (await Http.GetFromJsonAsync<JsonArray>($"/v1/executions?function={name}"))!;
        Assert.Equal(3, executions.Count);
        Assert.All(executions, e =>
        {
            Assert.Equal("COMPLETED", e!["status"]!.GetValue<string>());
            Assert.Equal(53, e["features"]!["conv_layers"]!.GetValue<double>());
            Assert.Equal(25_000_000, e["features"]!["total_parameters"]!.GetValue<double>());
        });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
        var prediction = (await response.Json())["profiling_prediction"]!;
        Assert.Equal(name, prediction["model"]!.GetValue<string>());
        Assert.Equal(platform.Silo.Name, prediction["node"]!.GetValue<string>());
        Assert.True(prediction["predicted_execution_time"]!.GetValue<double>() > 0);
    }
}
