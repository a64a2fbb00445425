using System.Text;
using Orleans.Faas.Client;
using Orleans.Faas.IntegrationTests.Benchmarks;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.ClientLibrary.PlatformClient;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.ClientLibrary;

/// <summary>An operator's reads and actions through the client library: providers, history, benchmarks, profiles, predictions, models.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class ClientOperatorTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public async Task Providers_are_listed_read_drained_undrained_and_made_the_reference()
    {
        var (client, _) = For(platform);
        var id = platform.Silo.Name;

        var node = Assert.Single(await client.ListProvidersAsync(), p => p.Id == id);
        Assert.Equal(ProviderStatus.Ready, node.Status);
        Assert.Equal(Environment.ProcessorCount, node.Facts.Cores);
        Assert.Equal("lab-2", node.Facts.Labels!["zone"]);
        Assert.Contains("process", node.Runtimes);
        try
        {
            Assert.Equal(ProviderStatus.Draining, (await client.DrainProviderAsync(id)).Status);
            Assert.Equal(ProviderStatus.Draining, (await client.GetProviderAsync(id)).Status);
        }
        finally
        {
            Assert.Equal(ProviderStatus.Ready, (await client.UndrainProviderAsync(id)).Status);
        }
        Assert.True((await client.SetReferenceProviderAsync(id)).IsReference);
        Assert.True((await Assert.ThrowsAsync<FaasRequestException>(() => client.GetProviderAsync("nobody-home"))).IsNotFound);
    }

    [Fact]
    public async Task A_provider_read_says_how_the_node_keeps_each_function_that_ran_there_warm()
    {
        var (client, _) = For(platform);
        var name = UniqueName("client-keep");
        await client.RegisterFunctionAsync(Hello(name));

        await client.InvokeAsync(name, Encoding.UTF8.GetBytes("Ada"));

        // One run has no idle time before it yet: the fixed keep-alive applies until the histogram has enough.
        FunctionKeepAlive? keepAlive = null;
        await Poll.UntilAsync(async () => (keepAlive = (await client.GetProviderAsync(platform.Silo.Name)).KeepAlive.SingleOrDefault(k => k.Function == name)) is not null,
            TimeSpan.FromSeconds(10), "the node's worker to answer the function's keep-alive");
        Assert.Equal(new FunctionKeepAlive { Function = name, KeepAliveSeconds = 300, Basis = KeepAliveBasis.TooFewIdleTimes }, keepAlive);
    }

    [Fact]
    public async Task The_execution_history_is_read_page_by_page_newest_first()
    {
        var (client, log) = For(platform);
        var name = UniqueName("client-history");
        await client.RegisterFunctionAsync(Process(name, "/bin/cat"));
        var tasks = new List<Guid>();
        for (var i = 0; i < 3; i++)
            tasks.Add((await (await client.StartInvocationAsync(name, Encoding.UTF8.GetBytes($"run {i}"))).WaitForCompletionAsync()).Id);
        tasks.Reverse();

        var records = await client.GetExecutionsAsync(function: name, pageSize: 1).ToListAsync();

        Assert.Equal(tasks, records.Select(r => r.TaskId));
        Assert.All(records, r => Assert.Equal(TaskState.Completed, r.Status));
        // Three full pages of one, then the empty page that says there is no more.
        Assert.Equal(4, log.Requests.Count(r => r.Path == "/v1/executions"));
    }

    [Fact]
    public async Task A_workload_benchmark_runs_to_the_end_with_progress_and_is_listed()
    {
        var (client, _) = For(platform);
        var name = UniqueName("client-bench");
        await client.RegisterFunctionAsync(Hello(name));
        var progress = new List<BenchmarkJob>();

        var operation = await StartWhenFree(() => client.StartBenchmarkAsync(new BenchmarkRequest { Kind = BenchmarkKind.Workload, Function = name, InputSizes = [0], Repetitions = 2 }));
        var job = await operation.WaitForCompletionAsync(TimeSpan.FromMilliseconds(250), new Progress<BenchmarkJob>(progress.Add));

        Assert.Equal(BenchmarkStatus.Finished, job.Status);
        Assert.Equal(job.Total, job.Done);
        Assert.Equal(name, job.Request.Function);
        var measurement = Assert.Single(job.Results);
        Assert.Equal(platform.Silo.Name, measurement.Provider);
        Assert.True(measurement.Stats.WallMs > 0);
        Assert.Contains(await client.ListBenchmarksAsync(), j => j.Id == operation.Id);
        Assert.Equal(BenchmarkStatus.Finished, (await client.GetBenchmarkAsync(operation.Id)).Status);
        Assert.Equal(409, (await Assert.ThrowsAsync<FaasRequestException>(() => operation.CancelAsync())).Status);
    }

    [Fact]
    public async Task A_profile_job_gives_a_profile_estimates_between_its_sizes_and_predictions_and_models_are_read()
    {
        var (client, _) = For(platform);
        var name = UniqueName("client-profile");
        await client.RegisterFunctionAsync(Hello(name));
        await client.SetReferenceProviderAsync(platform.Silo.Name);

        var operation = await StartWhenFree(() => client.StartProfileAsync(name, new ProfileRequest { InputSizes = [10, 1000], Repetitions = 1 }));
        var job = await operation.WaitForCompletionAsync(TimeSpan.FromMilliseconds(250));
        var profile = await client.GetProfileAsync(name);
        var estimate = await client.EstimateAsync(name, 500);
        var prediction = await client.PredictAsync(name, 500);
        var models = await client.GetModelsAsync(limit: 5);
        var training = await client.StartTrainingAsync();
        var unknown = await Assert.ThrowsAsync<FaasRequestException>(() => client.StartProfileAsync(UniqueName("nobody"), new ProfileRequest { InputSizes = [1] }));

        Assert.Equal(BenchmarkStatus.Finished, job.Status);
        Assert.Equal(BenchmarkKind.Profile, job.Request.Kind);
        Assert.Equal([10L, 1000L], profile.Points.Where(p => p.Source == ProfileSource.Profiled).Select(p => p.InputSize));
        Assert.True(estimate.Interpolated);
        Assert.Equal([10L, 1000L], estimate.Basis);
        Assert.True(prediction.Profiled);
        Assert.Contains(prediction.Providers, p => p.Provider == platform.Silo.Name && p.Fits && p.ExpectedFinishMs > 0);
        Assert.True(models.Versions.Count <= 5);
        Assert.True(training.Running || training.LastOutcome is not null);
        Assert.True(unknown.IsNotFound);
    }

    private static async Task<BenchmarkOperation> StartWhenFree(Func<Task<BenchmarkOperation>> start) =>
        (await Poll.UntilAsync(
            async () =>
            {
                try
                {
                    return await start();
                }
                catch (FaasRequestException e) when (e.Status == 409)
                {
                    // Another job (the node's own benchmark when it joined) holds the slot; it says how long it needs.
                    Assert.NotNull(e.RetryAfter);
                    return null;
                }
            },
            started => started is not null, BenchmarkHttp.JobPatience, "the benchmark slot to be free", BenchmarkHttp.SlotPoll))!;
}
