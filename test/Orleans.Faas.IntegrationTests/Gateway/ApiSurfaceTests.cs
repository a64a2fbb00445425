using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Gateway;

[Collection(EmbeddedPlatformCollection.Name)]
public sealed class ApiSurfaceTests(EmbeddedPlatformFixture platform)
{
    private HttpClient Http => platform.Http;

    [Fact]
    public async Task The_node_is_listed_as_a_ready_provider_with_its_facts_and_its_runtimes()
    {
        var providers = await Http.GetFromJsonAsync<JsonArray>("/v1/providers");

        var node = providers!.Single(p => p!["id"]!.GetValue<string>() == platform.Silo.Name)!;
        Assert.Equal("READY", node["status"]!.GetValue<string>());
        // Python because the test machine has Debian's python3 and python3-dill (scripts/test.sh installs them).
        Assert.Equal(["docker", "process", "python"], node["runtimes"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(Environment.ProcessorCount, node["facts"]!["cores"]!.GetValue<int>());
        Assert.True(node["facts"]!["memoryBytes"]!.GetValue<long>() > 0);
        Assert.Equal(Environment.ProcessorCount, node["slots"]!.GetValue<int>());
    }

    [Fact]
    public async Task Functions_can_be_listed_read_and_deleted()
    {
        var name = UniqueName("crud");
        await Http.RegisterOk(Hello(name));
        await Http.RegisterOk(Hello(name, 10));

        var listed = await Http.GetFromJsonAsync<JsonArray>("/v1/functions");
        var function = await Http.GetFromJsonAsync<JsonObject>($"/v1/functions/{name}");

        Assert.Contains(listed!, f => f!["name"]!.GetValue<string>() == name);
        Assert.Equal(2, function!["version"]!.GetValue<int>());
        Assert.Equal(10, function["timeoutSeconds"]!.GetValue<double>());
        Assert.Equal("docker", function["runtime"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"/v1/functions/{name}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/v1/functions/{name}")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_v1_api_and_the_docs_page_renders_it()
    {
        var document = await Http.GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        var paths = document!["paths"]!.AsObject().Select(p => p.Key).ToList();

        Assert.Contains("/v1/functions", paths);
        Assert.Contains("/v1/functions/{name}/invocations", paths);
        Assert.Contains("/v1/functions/{name}/invoke", paths);
        Assert.Contains("/v1/tasks/{id}", paths);
        Assert.Contains("/v1/tasks/{id}/result", paths);
        Assert.Contains("/v1/providers", paths);
        Assert.Contains("/v1/providers/{id}/reference", paths);
        Assert.Contains("/v1/benchmarks", paths);
        Assert.Contains("/v1/benchmarks/{id}", paths);
        Assert.Contains("/v1/benchmarks/{id}/cancel", paths);
        Assert.Contains("/v1/functions/{name}/profile", paths);
        Assert.Contains("/v1/functions/{name}/predictions", paths);
        Assert.Contains("/v1/models", paths);
        Assert.Contains("/v1/models/training", paths);
        // Every route that submits tasks may find every queue full.
        Assert.All(["/v1/functions/{name}/invocations", "/v1/functions/{name}/invoke", "/v1/functions/{name}/batches"],
            path => Assert.Contains("429", document["paths"]![path]!["post"]!["responses"]!.AsObject().Select(r => r.Key)));
        // ... and every one of them takes a deadline, which its description explains.
        Assert.All(["/v1/functions/{name}/invocations", "/v1/functions/{name}/invoke", "/v1/functions/{name}/batches"], path =>
        {
            var operation = document["paths"]![path]!["post"]!;
            Assert.Contains(operation["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "deadlineSeconds" && p["in"]!.GetValue<string>() == "query");
            Assert.Contains("?deadlineSeconds=", operation["description"]!.GetValue<string>());
        });
        var prediction = document["components"]!["schemas"]!["ProviderPrediction"]!["properties"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("correction", prediction);
        Assert.Contains("expectedRuntimeMs", prediction);
        Assert.Contains("runtimeSpread", prediction);
        var registration = document["paths"]!["/v1/functions"]!["post"]!["requestBody"]!["content"]!;
        Assert.Equal("binary", registration["multipart/form-data"]!["schema"]!["properties"]!["code"]!["format"]!.GetValue<string>());
        var definition = document["components"]!["schemas"]!["FunctionRegistrationRequest"]!["properties"]!.AsObject();
        Assert.Contains("source", definition.Select(p => p.Key));
        Assert.Contains("entryPoint", definition.Select(p => p.Key));
        Assert.Contains("pickled", definition.Select(p => p.Key));

        var docs = await Http.GetAsync("/docs/index.html");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("swagger", await docs.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Health_is_reported_at_healthz()
    {
        using var response = await Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_embedded_silo_is_ready_once_it_has_started()
    {
        using var response = await Http.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
