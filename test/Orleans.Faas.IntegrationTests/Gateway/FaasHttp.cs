using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orleans.Faas.IntegrationTests.Gateway;

/// <summary>The HTTP calls a user makes, as plain JSON: no shared types with the server.</summary>
public static class FaasHttp
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    public static async Task<HttpResponseMessage> Register(this HttpClient http, object definition) =>
        await http.PostAsJsonAsync("/v1/functions", definition);

    /// <summary>Registers with a multipart form: the definition as JSON in its "definition" part, a code file in its "code" part.</summary>
    public static Task<HttpResponseMessage> RegisterForm(this HttpClient http, object definition, string fileName, string code) =>
        http.RegisterForm(definition, fileName, Encoding.UTF8.GetBytes(code));

    public static async Task<HttpResponseMessage> RegisterForm(this HttpClient http, object definition, string fileName, byte[] code)
    {
        using var form = new MultipartFormDataContent
        {
            { JsonContent.Create(definition), "definition" },
            { new ByteArrayContent(code), "code", fileName },
        };
        return await http.PostAsync("/v1/functions", form);
    }

    public static async Task RegisterOk(this HttpClient http, object definition)
    {
        using var response = await http.Register(definition);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await Describe(response));
    }

    public static object Hello(string name, double timeoutSeconds = 30, params string[] command) => new
    {
        name,
        runtime = "docker",
        image = "faas-samples/hello:latest",
        command,
        timeoutSeconds,
        cpu = 0.5,
        memoryMiB = 64,
    };

    /// <summary>A process function that echoes its input: the quickest real function there is.</summary>
    public static object Cat(string name) => new { name, runtime = "process", command = new[] { "/bin/cat" } };

    public static Task<HttpResponseMessage> InvokeAsync(this HttpClient http, string function, string input) =>
        http.PostAsync($"/v1/functions/{function}/invocations", new StringContent(input, Encoding.UTF8));

    public static Task<HttpResponseMessage> InvokeSync(this HttpClient http, string function, string input) =>
        http.PostAsync($"/v1/functions/{function}/invoke", new StringContent(input, Encoding.UTF8));

    public static async Task<JsonObject> Json(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>Polls the task until it is COMPLETED or FAILED.</summary>
    public static async Task<JsonObject> WaitForTask(this HttpClient http, string taskId) =>
        await Poll.UntilAsync(
            async () => (await http.GetFromJsonAsync<JsonObject>($"/v1/tasks/{taskId}"))!, task => task["status"]!.GetValue<string>() is "COMPLETED" or "FAILED",
            Patience, $"task {taskId} to finish");

    /// <summary>Asks for a training run and polls <c>/v1/models</c> until it ended with an outcome; returns what that shows then.</summary>
    public static async Task<JsonObject> TrainModel(this HttpClient http, TimeSpan patience)
    {
        using var started = await http.PostAsync("/v1/models/training", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        return await Poll.UntilAsync(
            async () => (await http.GetFromJsonAsync<JsonObject>("/v1/models"))!,
            models => !models["training"]!["running"]!.GetValue<bool>() && models["training"]!["lastOutcome"] is not null, patience, "training to end");
    }

    public static async Task<string> Describe(HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {response.StatusCode}: {await response.Content.ReadAsStringAsync()}";

    /// <summary>Asserts an RFC 7807 problem response with the given status and returns its body.</summary>
    public static async Task<JsonObject> AssertProblem(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(response.StatusCode == status, await Describe(response));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Json();
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()));
        return problem;
    }

    public static async Task<string> FunctionsSnapshot(this HttpClient http) =>
        (await http.GetFromJsonAsync<JsonElement>("/v1/functions")).GetRawText();
}
