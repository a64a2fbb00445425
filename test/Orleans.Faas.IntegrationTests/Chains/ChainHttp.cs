using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Chains;

/// <summary>The chain calls a user makes over HTTP, as plain JSON.</summary>
public static class ChainHttp
{
    public static object Process(string name, params string[] command) => new { name, runtime = "process", command };

    public static async Task DefineOk(this HttpClient http, string name, params object[] steps)
    {
        using var response = await http.PostAsJsonAsync("/v1/chains", new { name, steps });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await Describe(response));
    }

    /// <summary>Starts a run and returns its id, after checking the 202 and its Location.</summary>
    public static async Task<string> StartRun(this HttpClient http, string chain, string input)
    {
        using var response = await http.PostAsync($"/v1/chains/{chain}/runs", new StringContent(input, Encoding.UTF8));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await Describe(response));
        var id = (await response.Json())["runId"]!.GetValue<string>();
        Assert.Equal($"/v1/chains/{chain}/runs/{id}", response.Headers.Location?.OriginalString);
        return id;
    }

    /// <summary>Long polls the run until it is COMPLETED or FAILED, asking again while the cluster answers with an error.</summary>
    public static async Task<JsonObject> WaitForRun(this HttpClient http, string chain, string id, TimeSpan? patience = null) =>
        (await Poll.UntilAsync(
            () => HttpAnswer.Of(http.GetAsync($"/v1/chains/{chain}/runs/{id}?waitSeconds=5")),
            answer => answer.IsSuccess && answer.Json()["status"]!.GetValue<string>() != "RUNNING", patience ?? Patience, $"run {id} to finish"))
        .Json();

    public static JsonArray Steps(this JsonObject run) => run["steps"]!.AsArray();

    public static string Text(this JsonNode? node, string member) => node![member]!.GetValue<string>();
}
