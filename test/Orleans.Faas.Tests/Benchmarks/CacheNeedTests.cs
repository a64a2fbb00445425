using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.Benchmarks;
using Orleans.Faas.Cache;
using Orleans.Faas.Functions;
using Orleans.Faas.Gateway.Profiles;
using Orleans.Faas.HttpModel.Json;
using Orleans.Faas.Profiles;
using Orleans.Faas.Providers;
using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Benchmarks;

/// <summary>
/// A profile job's way sweep through the platform's task path on the in-process cluster: each run gets its way count,
/// the knee of the medians is recorded on the function, shown in its profile, and asked for by its tasks.
/// </summary>
[Collection(FaasClusterCollection.Name)]
public sealed class CacheNeedTests(FaasClusterFixture fixture)
{
    private const int ReferenceWays = 12;
    private const long LargestSize = 1000;

    [Fact]
    public async Task The_sweep_finds_the_knee_records_it_on_the_function_and_its_tasks_ask_for_it()
    {
        var (name, version) = await Register("cache-hungry");
        var profiled = new BenchmarkStep(await Reference(), name, version, LargestSize, new byte[LargestSize]);
        IReadOnlyList<BenchmarkStep> steps = [profiled, .. CacheWaySweep.WayCounts(ReferenceWays).Select(ways => profiled with { CacheWays = ways })];

        var stats = await new BenchmarkRuns(fixture.Grains).Measure(steps, repetitions: 3, _ => Task.CompletedTask, () => Task.CompletedTask, CancellationToken.None);
        var results = steps.Zip(stats, (step, s) => new BenchmarkMeasurement(step.Provider, step.Workload, step.InputSize, s, step.CacheWays)).ToList();
        await BenchmarkResults.Keep(fixture.Grains, Guid.NewGuid(), ProfileOf(name), results, DateTimeOffset.UtcNow);

        var function = fixture.Grains.GetGrain<IFunctionGrain>(name);
        var need = await function.GetCacheNeed();
        Assert.NotNull(need);
        Assert.Equal(ScriptedRunner.HungryWays, need.Ways);
        Assert.Equal(LargestSize, need.InputSize);
        Assert.Equal([new(1, 400), new(2, 200), new(4, 100), new(8, 100), new CacheWayPoint(12, 100)], need.Points.ToArray());
        var profile = await function.GetProfile();
        // The sweep's runs may also have been observed by now (the profile learner flushes every few seconds): the
        // profile shows those beside what was measured, and only the measured point is the profile job's.
        Assert.Equal(LargestSize, Assert.Single(profile, p => p.Source == ProfileSource.Profiled).InputSize);

        var json = JsonNode.Parse(JsonSerializer.Serialize(new FunctionProfileResponse(name, profile, need), FaasJson.Options))!;
        Assert.Equal(ScriptedRunner.HungryWays, json["cacheNeed"]!["ways"]!.GetValue<int>());
        Assert.Equal([1, 2, 4, 8, 12], json["cacheNeed"]!["points"]!.AsArray().Select(p => p!["ways"]!.GetValue<int>()));
        Assert.Equal(400, json["cacheNeed"]!["points"]![0]!["wallMs"]!.GetValue<double>());

        var task = await Finished(await function.Invoke([], InvocationOptions.Default));
        Assert.Equal(ScriptedRunner.HungryWays, task.Conditions?.CacheAllocation?.Ways);
    }

    [Fact]
    public async Task A_way_count_whose_runs_get_no_ways_of_their_own_fails_its_step_rather_than_measure_the_whole_cache()
    {
        var (name, version) = await Register("cache-refused");
        var step = new BenchmarkStep(await Reference(), name, version, LargestSize, [], CacheWays: 4);

        var failure = await Assert.ThrowsAsync<BenchmarkStepFailedException>(() =>
            new BenchmarkRuns(fixture.Grains).Measure([step], repetitions: 2, _ => Task.CompletedTask, () => Task.CompletedTask, CancellationToken.None));

        Assert.Equal($"{name} at input size {LargestSize} with 4 cache ways on provider {step.Provider}: no run found a warm container and got its cache ways, so nothing could be measured.",
            failure.Message);
    }

    [Fact]
    public async Task A_function_without_a_need_has_tasks_that_ask_for_none_and_deleting_it_forgets_its_need()
    {
        var (name, _) = await Register("echo");
        var function = fixture.Grains.GetGrain<IFunctionGrain>(name);
        Assert.Null(await function.GetCacheNeed());
        Assert.Null((await Finished(await function.Invoke([], InvocationOptions.Default))).Conditions?.CacheAllocation);

        await function.RecordCacheNeed(new CacheNeed(2, LargestSize, [new(2, 10)]));
        await function.Delete();

        await Assert.ThrowsAsync<FunctionNotFoundException>(() => function.GetCacheNeed());
        await Assert.ThrowsAsync<FunctionNotFoundException>(() => function.RecordCacheNeed(new CacheNeed(2, LargestSize, [])));
        await function.Register(FaasClusterFixture.Script(name, "echo"));
        Assert.Null(await function.GetCacheNeed());
    }

    private async Task<(string Name, FunctionVersion Version)> Register(string script)
    {
        var name = $"{script}-{Guid.NewGuid():N}"[..30];
        return (name, (await fixture.Grains.GetGrain<IFunctionGrain>(name).Register(FaasClusterFixture.Script(name, script))).Version);
    }

    private async Task<string> Reference() =>
        (await fixture.Grains.GetGrain<IReferenceProviderGrain>(IReferenceProviderGrain.ClusterKey).Get())!;

    private static BenchmarkRequest ProfileOf(string function) => new(
        BenchmarkKind.Profile, [], function, [LargestSize], 3, ImmutableDictionary<long, byte[]>.Empty, null, TimeSpan.FromMinutes(1), null);

    private async Task<TaskSnapshot> Finished(Guid id) =>
        (await fixture.Grains.GetGrain<ITaskGrain>(id).WaitUntilFinished(ClusterTasks.Patience))!;
}
