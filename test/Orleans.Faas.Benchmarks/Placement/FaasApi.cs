using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.HttpModel.Json;
using Orleans.Faas.Models;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Benchmarks.Placement;

/// <summary>The platform's HTTP API as the placement benchmark uses it, read with the platform's own JSON spellings.</summary>
public sealed class FaasApi(HttpClient http)
{
    private static readonly TimeSpan JobPoll = TimeSpan.FromSeconds(1);

    /// <summary>For the slot to be free and then for the profiling job to end: long beside any one job.</summary>
    private static readonly TimeSpan JobPatience = TimeSpan.FromMinutes(30);

    public async Task<IReadOnlyList<ScoredProvider>> Providers() =>
        (await http.GetFromJsonAsync<List<ScoredProvider>>("/v1/providers", FaasJson.Options))!;

    public async Task Register(object definition)
    {
        using var response = await http.PostAsJsonAsync("/v1/functions", definition, FaasJson.Options);
        await EnsureStatus(response, HttpStatusCode.Created, "registering a function");
    }

    /// <summary>An async invocation, pinned to <paramref name="provider"/> unless it is null; the new task's id.</summary>
    public async Task<Guid> Invoke(string function, byte[] input, string? provider)
    {
        var query = provider is null ? "" : $"?provider={Uri.EscapeDataString(provider)}";
        using var response = await http.PostAsync($"/v1/functions/{function}/invocations{query}", new ByteArrayContent(input));
        await EnsureStatus(response, HttpStatusCode.Accepted, $"invoking {function}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["taskId"]!.GetValue<Guid>();
    }

    /// <summary>Long polls the task until it has finished, COMPLETED or FAILED.</summary>
    public async Task<TaskView> WaitForTask(Guid id)
    {
        while (true)
        {
            var task = (await http.GetFromJsonAsync<TaskView>($"/v1/tasks/{id}?waitSeconds=20", FaasJson.Options))!;
            if (task.IsFinished)
                return task;
        }
    }

    /// <summary>Invokes and waits for the task to finish; a failed task is an error here.</summary>
    public async Task<TaskView> Run(string function, byte[] input, string provider)
    {
        var task = await WaitForTask(await Invoke(function, input, provider));
        return task.Metrics is not null && task.Status == TaskState.Completed
            ? task
            : throw new InvalidOperationException($"Task {task.Id} of {function} on {provider} failed: {task.Error}");
    }

    /// <summary>Profiles the function on the reference provider, waiting for the cluster's benchmark slot when it is busy; the finished job.</summary>
    public async Task<JsonObject> Profile(string function, IEnumerable<long> inputSizes, int repetitions)
    {
        var request = new { inputSizes, repetitions };
        var id = await Poll.UntilAsync(
            async () =>
            {
                using var response = await http.PostAsJsonAsync($"/v1/functions/{function}/profile", request);
                if (response.StatusCode == HttpStatusCode.Conflict)
                    return null;
                await EnsureStatus(response, HttpStatusCode.Accepted, $"profiling {function}");
                return (await response.Content.ReadFromJsonAsync<JsonObject>())!["benchmarkId"]!.GetValue<string>();
            },
            id => id is not null, JobPatience, $"the benchmark slot to be free to profile {function}", JobPoll);
        return await Poll.UntilAsync(
            async () => (await http.GetFromJsonAsync<JsonObject>($"/v1/benchmarks/{id}"))!, job => job["status"]!.GetValue<string>() is "FINISHED" or "FAILED",
            JobPatience, $"benchmark {id} to finish", JobPoll);
    }

    /// <summary>Asks for a model to be trained from the execution history now.</summary>
    public async Task Train()
    {
        using var response = await http.PostAsync("/v1/models/training", null);
        await EnsureStatus(response, HttpStatusCode.Accepted, "starting model training");
    }

    public async Task<ModelsOverview> Models() => (await http.GetFromJsonAsync<ModelsOverview>("/v1/models", FaasJson.Options))!;

    private static async Task EnsureStatus(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
