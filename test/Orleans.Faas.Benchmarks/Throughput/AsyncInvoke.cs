using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Orleans.Faas.Benchmarks.Throughput;

/// <summary>The measured path: an async invocation, then one long poll of the task until it finishes.</summary>
public sealed class AsyncInvoke(HttpClient http, string function)
{
    /// <returns>The id of the finished task.</returns>
    public async Task<string> RunOnce()
    {
        using var accepted = await http.PostAsync($"/v1/functions/{function}/invocations", new StringContent(""));
        if ((int)accepted.StatusCode != 202)
            throw new InvalidOperationException($"Invocation answered {(int)accepted.StatusCode}: {await accepted.Content.ReadAsStringAsync()}");
        var taskId = (await accepted.Content.ReadFromJsonAsync<JsonObject>())!["taskId"]!.GetValue<string>();
        while (true)
        {
            var task = (await http.GetFromJsonAsync<JsonObject>($"/v1/tasks/{taskId}?waitSeconds=10"))!;
            switch (task["status"]!.GetValue<string>())
            {
                case "COMPLETED":
                    return taskId;
                case "FAILED":
                    throw new InvalidOperationException($"Task {taskId} failed: {task["error"]}");
            }
        }
    }
}
