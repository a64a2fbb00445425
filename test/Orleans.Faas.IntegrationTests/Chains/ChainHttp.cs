using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
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
    public static async Task<JsonObject> WaitForRun(this HttpClient http, string chain, string id, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? Patience);
        while (true)
        {
            using var response = await http.GetAsync($"/v1/chains/{chain}/runs/{id}?waitSeconds=5");
            if (response.IsSuccessStatusCode)
            {
                var run = await response.Json();
                if (run["status"]!.GetValue<string>() != "RUNNING")
                    return run;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Run {id} did not finish: {await Describe(response)}");
            await Task.Delay(100);
        }
    }

    public static JsonArray Steps(this JsonObject run) => run["steps"]!.AsArray();

    public static string Text(this JsonNode? node, string member) => node![member]!.GetValue<string>();
}
