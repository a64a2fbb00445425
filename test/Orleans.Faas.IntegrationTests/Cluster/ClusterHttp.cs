using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Cluster;

/// <summary>HTTP calls against a cluster whose members may be dying or restarting: brief 5xx answers are waited out.</summary>
public static class ClusterHttp
{
    public static object Sleepy(string name) =>
        new { name, runtime = "process", command = new[] { "/bin/sh", "-c", "sleep 2; cat" }, timeoutSeconds = 30 };

    public static async Task<string> InvokeAccepted(this HttpClient http, string function, string input)
    {
        using var response = await http.InvokeAsync(function, input);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await Describe(response));
        return (await response.Json())["taskId"]!.GetValue<string>();
    }

    /// <summary>The task as the gateway shows it, asking again while the cluster answers with an error.</summary>
    public static async Task<JsonObject> TaskEventually(this HttpClient http, string taskId) =>
        (await Poll.UntilAsync(() => HttpAnswer.Of(http.GetAsync($"/v1/tasks/{taskId}")), answer => answer.IsSuccess, Patience, $"task {taskId} to be readable"))
        .Json();

    /// <summary>Polls every task until each is COMPLETED or FAILED; returns them by id.</summary>
    public static async Task<Dictionary<string, JsonObject>> WaitForAll(this HttpClient http, IEnumerable<string> taskIds, TimeSpan patience)
    {
        var finished = new Dictionary<string, JsonObject>();
        var pending = taskIds.ToList();
        await Poll.UntilAsync(
            async () =>
            {
                foreach (var id in pending.ToList())
                {
                    var task = await http.TaskEventually(id);
                    if (task["status"]!.GetValue<string>() is "COMPLETED" or "FAILED")
                    {
                        finished[id] = task;
                        pending.Remove(id);
                    }
                }
                return pending.ToList();
            },
            unfinished => unfinished.Count == 0, patience, "every task to finish");
        return finished;
    }

    public static async Task<string> Result(this HttpClient http, string taskId)
    {
        using var response = await http.GetAsync($"/v1/tasks/{taskId}/result");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<JsonArray> Executions(this HttpClient http, string function) =>
        (await http.GetFromJsonAsync<JsonArray>($"/v1/executions?function={function}&limit=1000"))!;
}
