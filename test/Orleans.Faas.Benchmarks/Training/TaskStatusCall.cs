using System.Diagnostics;

namespace Orleans.Faas.Benchmarks.Training;

/// <summary>The measured call: the status of a finished task, one grain call behind the HTTP gateway.</summary>
public sealed class TaskStatusCall(HttpClient http, string taskId)
{
    public async Task<TimeSpan> RunOnce()
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync($"/v1/tasks/{taskId}");
        var body = await response.Content.ReadAsStringAsync();
        clock.Stop();
        return response.IsSuccessStatusCode ? clock.Elapsed : throw new InvalidOperationException($"GET task answered {(int)response.StatusCode}: {body}");
    }
}
