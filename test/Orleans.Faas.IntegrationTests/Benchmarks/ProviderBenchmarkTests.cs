using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Benchmarks;

/// <summary>Provider scores, the benchmark slot, job timeouts, profiles, pinning and the reference, on three unequal providers.</summary>
[Collection(BenchmarkLabCollection.Name)]
public sealed class ProviderBenchmarkTests(BenchmarkLab lab, ITestOutputHelper output)
{
    private HttpClient Http => lab.Http;

    private static Dictionary<string, (double Cpu, double Memory, double CpuSpread, double MemorySpread)> Scores(JsonArray providers) =>
        providers.ToDictionary(p => p!["id"]!.GetValue<string>(), p =>
        {
            var s = p!["scores"]!;
            return (s["cpuEfficiency"]!.GetValue<double>(), s["memoryEfficiency"]!.GetValue<double>(),
                s["cpuSpread"]!.GetValue<double>(), s["memorySpread"]!.GetValue<double>());
        });

    [Fact]
    public async Task Scores_rank_the_capped_providers_near_their_caps_and_a_second_benchmark_agrees()
    {
        // The benchmark at join ran while the other silos were still starting, so its scores only have to rank the nodes.
        var atJoin = Scores(lab.ScoredAtJoin);
        Assert.True(atJoin["node-a"].Cpu > atJoin["node-b"].Cpu && atJoin["node-b"].Cpu > atJoin["node-c"].Cpu, "CPU scores at join must rank a > b > c.");
        var (first, firstTook) = await BenchmarkProviders();
        var (second, secondTook) = await BenchmarkProviders();

        output.WriteLine($"Scored at join after {lab.JoinToScores.TotalSeconds:F1} s; on-demand benchmarks of 3 providers took {firstTook.TotalSeconds:F1} s and {secondTook.TotalSeconds:F1} s.");
        output.WriteLine("provider  cap   | at join: cpuEff (spread)  memEff (spread) | run 1: cpuEff (spread)  memEff (spread) | run 2: cpuEff (spread)  memEff (spread)");
        foreach (var (id, cap) in BenchmarkLab.Caps)
        {
            output.WriteLine($"{id}    {cap,4:F2}  | {Row(atJoin[id])} | {Row(first[id])} | {Row(second[id])}");
        }

        foreach (var scores in new[] { atJoin, first, second })
        {
            // Memory bandwidth is shared with everything else on this host, so memory scores only have to rank the nodes.
            Assert.True(scores["node-a"].Memory > scores["node-b"].Memory && scores["node-b"].Memory > scores["node-c"].Memory, "Memory scores must rank a > b > c.");
        }
        foreach (var scores in new[] { first, second })
        {
            Assert.True(scores["node-a"].Cpu > scores["node-b"].Cpu && scores["node-b"].Cpu > scores["node-c"].Cpu, "CPU scores must rank a > b > c.");
            foreach (var (id, cap) in BenchmarkLab.Caps)
                Assert.InRange(scores[id].Cpu, cap * 0.75, cap * 1.25);
        }
        // Two benchmarks a minute apart on this shared 2-core host agree within 20%: 10% failed by 0.5% in two of three CI
        // runs, 15% by 1% on the quarter-core node in one of four; each run is also held within 25% of its cap above.
        foreach (var id in BenchmarkLab.Caps.Keys)
            Assert.InRange(second[id].Cpu, first[id].Cpu * 0.80, first[id].Cpu * 1.20);
        var reference = (await Http.GetFromJsonAsync<JsonObject>("/v1/providers/node-a"))!;
        Assert.True(reference["isReference"]!.GetValue<bool>());
        Assert.Equal(1.0, reference["scores"]!["cpuEfficiency"]!.GetValue<double>());
        Assert.True(reference["scores"]!["ageSeconds"]!.GetValue<double>() >= 0);
    }

    private async Task<(Dictionary<string, (double Cpu, double Memory, double CpuSpread, double MemorySpread)> Scores, TimeSpan Took)> BenchmarkProviders()
    {
        var clock = Stopwatch.StartNew();
        var job = await Http.WaitForBenchmark(await Http.StartWhenFree(new { kind = "providers" }));
        var took = clock.Elapsed;
        Assert.Equal("FINISHED", job["status"]!.GetValue<string>());
        return (Scores(await Http.Providers()), took);
    }

    private static string Row((double Cpu, double Memory, double CpuSpread, double MemorySpread) s) =>
        $"{s.Cpu,6:F3} ({s.CpuSpread:F3})  {s.Memory,6:F3} ({s.MemorySpread:F3})";

    [Fact]
    public async Task Of_two_concurrent_benchmarks_one_gets_the_slot_and_the_other_a_wait_estimate()
    {
        var name = UniqueName("sleepy");
        await Http.RegisterOk(Hello(name, 30, "/bin/sleep", "1"));
        await Http.WaitForBenchmark(await Http.StartWhenFree(new { kind = "workload", function = name, inputSizes = new[] { 0 }, repetitions = 1 }));
        var request = new { kind = "workload", function = name, inputSizes = new[] { 0 }, repetitions = 5 };

        var responses = await Task.WhenAll(Http.PostBenchmark(request), Http.PostBenchmark(request));

        var accepted = responses.Single(r => r.StatusCode == HttpStatusCode.Accepted);
        var refused = responses.Single(r => r.StatusCode != HttpStatusCode.Accepted);
        var id = (await accepted.Json())["benchmarkId"]!.GetValue<string>();
        var problem = await refused.AssertProblem(HttpStatusCode.Conflict);
        Assert.True(problem["wait"]!.GetValue<double>() > 0);
        Assert.Equal(id, problem["benchmarkId"]!.GetValue<string>());
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        using var cancel = await Http.PostAsync($"/v1/benchmarks/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var cancelled = await Http.WaitForBenchmark(id);
        Assert.Equal("FAILED", cancelled["status"]!.GetValue<string>());
        Assert.Contains("cancelled", cancelled["error"]!.GetValue<string>());
        Assert.Empty(await lab.Docker.ContainersOfJob(id));
    }

    [Fact]
    public async Task A_hanging_workload_fails_at_its_timeout_and_leaves_no_container()
    {
        var name = UniqueName("hangs");
        await Http.RegisterOk(Hello(name, 600, "/bin/sleep", "600"));

        var id = await Http.StartWhenFree(new { kind = "workload", function = name, inputSizes = new[] { 0 }, repetitions = 3, timeoutSeconds = 5, providers = new[] { "node-b" } });
        var job = await Http.WaitForBenchmark(id);

        Assert.Equal("FAILED", job["status"]!.GetValue<string>());
        Assert.Contains("timeout of 5 s", job["error"]!.GetValue<string>());
        var ran = DateTimeOffset.Parse(job["finishedAt"]!.GetValue<string>()) - DateTimeOffset.Parse(job["createdAt"]!.GetValue<string>());
        Assert.InRange(ran.TotalSeconds, 5, 30);
        Assert.Empty(await lab.Docker.ContainersOfJob(id));
    }

    [Fact]
    public async Task A_profile_at_two_sizes_answers_a_size_between_them_interpolated()
    {
        var name = UniqueName("counts");
        // Work grows with the input: one shell loop turn per input byte.
        await Http.RegisterOk(Hello(name, 60, "/bin/sh", "-c", "n=$(wc -c); i=0; while [ $i -lt $n ]; do i=$((i+1)); done; echo $n"));

        var id = await Http.StartWhenFree(new { inputSizes = new[] { 10, 1000 }, repetitions = 3 }, $"/v1/functions/{name}/profile");
        var job = await Http.WaitForBenchmark(id);

        Assert.Equal("FINISHED", job["status"]!.GetValue<string>());
        Assert.All(job["results"]!.AsArray(), r => Assert.Equal("node-a", r!["provider"]!.GetValue<string>()));
        var small = (await Http.GetFromJsonAsync<JsonObject>($"/v1/functions/{name}/profile?inputSize=10"))!;
        var large = (await Http.GetFromJsonAsync<JsonObject>($"/v1/functions/{name}/profile?inputSize=1000"))!;
        var between = (await Http.GetFromJsonAsync<JsonObject>($"/v1/functions/{name}/profile?inputSize=100"))!;
        Assert.False(small["interpolated"]!.GetValue<bool>());
        Assert.True(between["interpolated"]!.GetValue<bool>());
        Assert.False(between["extrapolated"]!.GetValue<bool>());
        foreach (var figure in new[] { "wallMs", "cpuMs" })
        {
            var (lo, hi) = (small["stats"]![figure]!.GetValue<double>(), large["stats"]![figure]!.GetValue<double>());
            Assert.InRange(between["stats"]![figure]!.GetValue<double>(), Math.Min(lo, hi), Math.Max(lo, hi));
        }
        var profile = (await Http.GetFromJsonAsync<JsonObject>($"/v1/functions/{name}/profile"))!;
        Assert.Equal([10, 1000], profile["points"]!.AsArray().Select(p => p!["inputSize"]!.GetValue<int>()));
        Assert.All(profile["points"]!.AsArray(), p => Assert.Equal("profiled", p!["source"]!.GetValue<string>()));
        Assert.Empty(await lab.Docker.ContainersOfJob(id));
    }

    [Fact]
    public async Task Pinned_invocations_run_where_pinned_and_a_new_reference_rebases_the_scores()
    {
        var name = UniqueName("pinned");
        await Http.RegisterOk(Hello(name));
        foreach (var provider in BenchmarkLab.Caps.Keys)
        {
            using var response = await Http.PostAsync($"/v1/functions/{name}/invocations?provider={provider}&inputSize=7", new StringContent("x"));
            var task = await Http.WaitForTask((await response.Json())["taskId"]!.GetValue<string>());
            Assert.Equal(provider, task["provider"]!.GetValue<string>());
            Assert.Equal(7, task["inputSize"]!.GetValue<long>());
        }
        using (var unknown = await Http.PostAsync($"/v1/functions/{name}/invocations?provider=nowhere", new StringContent("x")))
            await unknown.AssertProblem(HttpStatusCode.NotFound);
        using (var negative = await Http.PostAsync($"/v1/functions/{name}/invocations?inputSize=-1", new StringContent("x")))
            await negative.AssertProblem(HttpStatusCode.BadRequest);

        try
        {
            using var changed = await Http.PostAsync("/v1/providers/node-b/reference", null);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            var scores = Scores(await Http.Providers());
            Assert.Equal(1.0, scores["node-b"].Cpu);
            Assert.InRange(scores["node-a"].Cpu, 1.5, 2.5);
            Assert.False((await Http.GetFromJsonAsync<JsonObject>("/v1/providers/node-a"))!["isReference"]!.GetValue<bool>());
        }
        finally
        {
            (await Http.PostAsync("/v1/providers/node-a/reference", null)).Dispose();
        }
        using var missing = await Http.PostAsync("/v1/providers/nowhere/reference", null);
        await missing.AssertProblem(HttpStatusCode.NotFound);
    }
}
