using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Benchmarks;

/// <summary>What an operator does with benchmark jobs over HTTP, as plain JSON.</summary>
public static class BenchmarkHttp
{
    public static readonly TimeSpan JobPatience = TimeSpan.FromMinutes(4);

    public static Task<HttpResponseMessage> PostBenchmark(this HttpClient http, object request) => http.PostAsJsonAsync("/v1/benchmarks", request);

    /// <summary>
    /// Starts a job, waiting out another job's hold on the slot as its 409 says, and the 503s of a cluster whose dead silo
    /// is still being detected; returns the new job's id.
    /// </summary>
    public static async Task<string> StartWhenFree(this HttpClient http, object request, string path = "/v1/benchmarks")
    {
        var started = await Poll.UntilAsync(
            async () =>
            {
                using var response = await http.PostAsJsonAsync(path, request);
                if (response.StatusCode != HttpStatusCode.Accepted)
                    await response.AssertProblem(response.StatusCode == HttpStatusCode.ServiceUnavailable ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.Conflict);
                return new HttpAnswer(response.StatusCode, await response.Content.ReadAsStringAsync());
            },
            answer => answer.Status == HttpStatusCode.Accepted, JobPatience, "the benchmark slot to be free", SlotPoll);
        return started.Json()["benchmarkId"]!.GetValue<string>();
    }

    /// <summary>How often to ask again for a slot another job holds: a job's 409 says it needs seconds at the least.</summary>
    public static readonly TimeSpan SlotPoll = TimeSpan.FromSeconds(1);

    /// <summary>How often to read a running job: seldom beside Poll's default, as the silos answering are the ones being measured.</summary>
    public static readonly TimeSpan JobPoll = TimeSpan.FromMilliseconds(250);

    /// <summary>Polls the job until it is FINISHED or FAILED.</summary>
    public static async Task<JsonObject> WaitForBenchmark(this HttpClient http, string id) =>
        await Poll.UntilAsync(
            async () => (await http.GetFromJsonAsync<JsonObject>($"/v1/benchmarks/{id}"))!, job => job["status"]!.GetValue<string>() is "FINISHED" or "FAILED",
            JobPatience, $"benchmark {id} to finish", JobPoll);

    /// <summary>Containers whose function label says the job made them (its functions are named <c>bench-JOBID8-…</c>).</summary>
    public static async Task<IList<ContainerListResponse>> ContainersOfJob(this DockerClient docker, string jobId)
    {
        var prefix = $"bench-{jobId.Replace("-", "", StringComparison.Ordinal)[..8]}-";
        var all = await docker.Containers.ListContainersAsync(new ContainersListParameters { All = true });
        return [.. all.Where(c => c.Labels.TryGetValue("orleans.faas.function", out var function) && function.StartsWith(prefix, StringComparison.Ordinal))];
    }

    public static async Task<JsonArray> Providers(this HttpClient http) => (await http.GetFromJsonAsync<JsonArray>("/v1/providers"))!;
}
