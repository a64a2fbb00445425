using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Benchmarks;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Compat.ChainFaas;

/// <summary>The ChainFaaS scheduler's calls as its document shows them, as plain JSON.</summary>
public static class ChainFaasHttp
{
    public const string Base = "/compat/chainfaas";

    /// <summary>A service id no other test takes.</summary>
    public static int NewServiceId() => Random.Shared.Next(1_000_000, int.MaxValue);

    public static Task<HttpResponseMessage> RunService(this HttpClient http, string serviceId, object body) =>
        http.PostAsJsonAsync($"{Base}/developers/run_service/{serviceId}", body);

    /// <summary>The document's own example body: once, unchained, input "None".</summary>
    public static object Once(string input = "None") =>
        new { numberOfInvocations = 1, chained = false, input, runMultipleInvocations = false };

    public static object Times(int n, bool chained, string input) =>
        new { numberOfInvocations = n, chained, input, runMultipleInvocations = true };

    /// <summary>The run's answer once it finished: at once when it did within the gateway's wait, else by polling its status_url to the end.</summary>
    public static async Task<JsonObject> Finished(this HttpClient http, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, await Describe(response));
        var answer = await response.Json();
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            Assert.Equal("RUNNING", answer["status"]!.GetValue<string>());
            var url = answer["status_url"]!.GetValue<string>();
            await Poll.UntilAsync(
                async () => (await http.GetFromJsonAsync<JsonObject>($"{url}?waitSeconds=10"))!, status => status["status"]!.GetValue<string>() is "COMPLETED" or "FAILED" or "FINISHED",
                Patience, $"{url} to finish");
        }
        return answer;
    }

    /// <summary>Starts a benchmark through a ChainFaaS route, waiting out another job's hold on the slot as its {"wait"} says.</summary>
    public static async Task<JsonObject> StartedWhenFree(this HttpClient http, Func<Task<HttpResponseMessage>> start) =>
        (await Poll.UntilAsync(
            async () =>
            {
                var answer = await HttpAnswer.Of(start());
                Assert.True(answer.Status is HttpStatusCode.OK or HttpStatusCode.Accepted or HttpStatusCode.Conflict, answer.ToString());
                return answer;
            },
            answer => answer.Status != HttpStatusCode.Conflict, BenchmarkHttp.JobPatience, "the benchmark slot to be free", BenchmarkHttp.SlotPoll))
        .Json();
}
