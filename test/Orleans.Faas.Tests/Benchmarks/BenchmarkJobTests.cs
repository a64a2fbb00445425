using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Orleans.Faas.Benchmarks;
using Orleans.Faas.Functions;
using Orleans.Faas.Profiles;
using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Benchmarks;

/// <summary>Benchmark jobs on the in-process cluster: the slot, the lifecycle, profiles, and pinned tasks.</summary>
[Collection(FaasClusterCollection.Name)]
public sealed class BenchmarkJobTests(FaasClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private IBenchmarkSlotGrain Slot => fixture.Grains.GetGrain<IBenchmarkSlotGrain>(IBenchmarkSlotGrain.ClusterKey);

    private async Task<string> Function(string script)
    {
        var name = $"{script}-{Guid.NewGuid():N}"[..30];
        await fixture.Grains.GetGrain<IFunctionGrain>(name).Register(FaasClusterFixture.Script(name, script));
        return name;
    }

    private static BenchmarkRequest Workload(string function, int repetitions = 3, TimeSpan? timeout = null, params long[] sizes) => new(
        BenchmarkKind.Workload, [], function, sizes.Length == 0 ? [10] : [.. sizes], repetitions, ImmutableDictionary<long, byte[]>.Empty, null,
        timeout ?? TimeSpan.FromMinutes(1), null);

    private async Task<BenchmarkSnapshot> Finished(Guid job) =>
        (await Poll.UntilAsync(() => fixture.Grains.GetGrain<IBenchmarkGrain>(job).GetSnapshot(), s => s!.IsFinished, Patience, $"benchmark {job} to finish"))!;

    [Fact]
    public async Task A_workload_measures_every_provider_and_size_then_frees_the_slot()
    {
        var job = await Slot.Start(Workload(await Function("echo"), repetitions: 3, sizes: [10, 100]));

        var done = await Finished(job.Id);

        Assert.Equal(BenchmarkStatus.Finished, done.Status);
        Assert.Equal(done.Total, done.Done);
        Assert.Equal(2 * 2 * (3 + 1), done.Total);
        Assert.Equal(fixture.ProviderIds.Order(), done.Results.Select(r => r.Provider).Distinct().Order());
        Assert.All(done.Results, r => Assert.Equal(3, r.Stats.Samples));
        Assert.Equal([10L, 100L], done.Results.Select(r => r.InputSize).Distinct().Order());
        Assert.Contains(job.Id, await Slot.Recent());
        await Finished((await Slot.Start(Workload(await Function("echo"), repetitions: 1))).Id);
    }

    [Fact]
    public async Task A_finished_job_is_posted_to_its_callback_url_as_json()
    {
        using var receiver = new HttpListener();
        var url = $"http://127.0.0.1:{FreePort()}/done/";
        receiver.Prefixes.Add(url);
        receiver.Start();
        var received = receiver.GetContextAsync();

        var job = await Slot.Start(Workload(await Function("echo"), repetitions: 1) with { CallbackUrl = url });

        var call = await received.WaitAsync(Patience);
        var body = JsonNode.Parse(call.Request.InputStream)!;
        call.Response.StatusCode = 204;
        call.Response.Close();
        Assert.Equal("POST", call.Request.HttpMethod);
        Assert.Equal(job.Id.ToString(), body["id"]!.GetValue<string>());
        Assert.Equal("FINISHED", body["status"]!.GetValue<string>());
        Assert.Equal("workload", body["request"]!["kind"]!.GetValue<string>());
        await Poll.UntilAsync(
            () => fixture.Grains.GetGrain<IBenchmarkGrain>(job.Id).GetSnapshot(), s => s!.Callback == BenchmarkCallbacks.Delivered, Patience,
            "the callback to be recorded as delivered");
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    [Fact]
    public async Task While_a_job_holds_the_slot_another_is_refused_with_a_wait_and_cancelling_frees_it()
    {
        var blocked = await Slot.Start(Workload(await Function("block")));

        var busy = await Assert.ThrowsAsync<BenchmarkSlotBusyException>(() => Slot.Start(Workload("anything")));
        Assert.Equal(blocked.Id, busy.Holder);
        Assert.True(busy.WaitSeconds > 0);

        var cancelled = await fixture.Grains.GetGrain<IBenchmarkGrain>(blocked.Id).Cancel();
        Assert.Equal(BenchmarkStatus.Failed, cancelled!.Status);
        Assert.Contains("cancelled", cancelled.Error);
        await Assert.ThrowsAsync<BenchmarkAlreadyFinishedException>(() => fixture.Grains.GetGrain<IBenchmarkGrain>(blocked.Id).Cancel());
        await Finished((await Slot.Start(Workload(await Function("echo"), repetitions: 1))).Id);
    }

    [Fact]
    public async Task A_result_set_from_outside_ends_a_stuck_job_as_finished_after_its_cleanup_and_frees_the_slot()
    {
        var stuck = await Slot.Start(Workload(await Function("block")));
        var job = fixture.Grains.GetGrain<IBenchmarkGrain>(stuck.Id);

        var ended = await job.SetResult("""{"some": "result"}""");

        Assert.Equal(BenchmarkStatus.Finished, ended!.Status);
        Assert.Equal("""{"some": "result"}""", ended.ExternalResult);
        Assert.Null(ended.Error);
        Assert.NotNull(ended.FinishedAt);
        await Assert.ThrowsAsync<BenchmarkAlreadyFinishedException>(() => job.SetResult("{}"));
        Assert.Null(await fixture.Grains.GetGrain<IBenchmarkGrain>(Guid.NewGuid()).SetResult("{}"));
        await Finished((await Slot.Start(Workload(await Function("echo"), repetitions: 1))).Id);
    }

    [Fact]
    public async Task A_workload_runs_the_version_it_names_while_the_function_keeps_it()
    {
        var name = await Function("echo");
        await fixture.Grains.GetGrain<IFunctionGrain>(name).Register(FaasClusterFixture.Script(name, "fail"));

        var first = await Finished((await Slot.Start(Workload(name, repetitions: 1) with { Version = 1 })).Id);
        var latest = await Finished((await Slot.Start(Workload(name, repetitions: 1))).Id);

        Assert.Equal(BenchmarkStatus.Finished, first.Status);
        Assert.Equal(1, first.Request.Version);
        Assert.Equal(BenchmarkStatus.Failed, latest.Status);
        var unknown = await Assert.ThrowsAsync<InvalidBenchmarkRequestException>(() => Slot.Start(Workload(name) with { Version = 7 }));
        Assert.Contains("version", unknown.Errors.Keys);
        await Assert.ThrowsAsync<InvalidBenchmarkRequestException>(() => Slot.Start(Workload(name) with { Kind = BenchmarkKind.Profile, Version = 1 }));
    }

    [Fact]
    public async Task Overridden_secrets_join_the_definition_the_workload_runs_and_are_validated_with_it()
    {
        // A process function has no container to mount secrets into, so the overridden definition is refused.
        var name = await Function("echo");
        var refused = await Assert.ThrowsAsync<InvalidBenchmarkRequestException>(() =>
            Slot.Start(Workload(name) with { Overrides = new WorkloadOverrides(Secrets: ["dataset"]) }));
        Assert.Contains("overrides.secrets", refused.Errors.Keys);
    }

    [Fact]
    public async Task A_job_that_hangs_fails_at_its_timeout_and_stops_its_task()
    {
        var job = await Slot.Start(Workload(await Function("block"), timeout: TimeSpan.FromSeconds(2)));

        var done = await Finished(job.Id);

        Assert.Equal(BenchmarkStatus.Failed, done.Status);
        Assert.Contains("timeout of 2 s", done.Error);
        // The timeout runs on a monotonic timer, which may end a millisecond before the wall clock says 2 s have passed.
        Assert.InRange((done.FinishedAt - done.CreatedAt)!.Value.TotalSeconds, 1.99, 10);
    }

    [Fact]
    public async Task A_failing_run_fails_the_job_naming_its_task_and_an_invalid_request_takes_no_slot()
    {
        var failed = await Finished((await Slot.Start(Workload(await Function("fail")))).Id);
        Assert.Equal(BenchmarkStatus.Failed, failed.Status);
        Assert.Matches("fn|fail.*task [0-9a-f-]{36} failed \\(exit code\\)", failed.Error);

        await Assert.ThrowsAsync<InvalidBenchmarkRequestException>(() => Slot.Start(Workload("x", repetitions: 0)));
        await Assert.ThrowsAsync<FunctionNotFoundException>(() => Slot.Start(Workload("no-such-function")));
        await Finished((await Slot.Start(Workload(await Function("echo"), repetitions: 1))).Id);
    }

    [Fact]
    public async Task A_profile_runs_on_the_reference_and_answers_sizes_between_its_points()
    {
        var name = await Function("echo");
        var reference = await fixture.Grains.GetGrain<IReferenceProviderGrain>(IReferenceProviderGrain.ClusterKey).Get();
        var request = Workload(name, sizes: [10, 1000]) with { Kind = BenchmarkKind.Profile };

        var done = await Finished((await Slot.Start(request)).Id);

        Assert.Equal(BenchmarkStatus.Finished, done.Status);
        Assert.All(done.Results, r => Assert.Equal(reference, r.Provider));
        // A reference without resctrl sweeps no cache ways: the job runs only the sizes.
        Assert.Equal(2 * (3 + 1), done.Total);
        Assert.All(done.Results, r => Assert.Null(r.CacheWays));
        var function = fixture.Grains.GetGrain<IFunctionGrain>(name);
        Assert.Null(await function.GetCacheNeed());
        Assert.Equal([10L, 1000L], (await function.GetProfile()).Select(p => p.InputSize));
        var between = await function.Estimate(100);
        Assert.True(between!.Interpolated);
        Assert.Equal([10L, 1000L], between.Basis.ToArray());
    }

    [Fact]
    public async Task An_unprofiled_function_learns_its_profile_from_completed_runs_on_a_scored_provider()
    {
        var name = await Function("echo");
        var function = fixture.Grains.GetGrain<IFunctionGrain>(name);
        var reference = await fixture.Grains.GetGrain<IReferenceProviderGrain>(IReferenceProviderGrain.ClusterKey).Get();
        for (var i = 0; i < 3; i++)
            await fixture.Grains.GetGrain<ITaskGrain>(await function.Invoke([], new InvocationOptions(reference, InputSize: 4096))).WaitForResult(Patience);

        await Poll.UntilAsync(async () => !(await function.GetProfile()).IsEmpty, Patience, "a run to be learnt from");
        var estimate = (await function.Estimate(4096))!;
        Assert.Equal(ProfileSource.Observed, estimate.Source);
        Assert.False(estimate.Interpolated);
        Assert.InRange(estimate.Stats.Samples, 1, 3);
    }

    [Fact]
    public async Task A_pinned_task_runs_where_it_is_pinned_and_is_refused_where_it_cannot_run()
    {
        var name = await Function("whoami");
        var function = fixture.Grains.GetGrain<IFunctionGrain>(name);
        foreach (var provider in fixture.ProviderIds)
        {
            var task = fixture.Grains.GetGrain<ITaskGrain>(await function.Invoke([], new InvocationOptions(provider, InputSize: 42)));
            var result = await task.WaitForResult(Patience);
            Assert.Equal(provider, Encoding.UTF8.GetString(result!.Output));
            Assert.Equal(provider, result.Task.PinnedProvider);
            Assert.Equal(42, result.Task.InputSize);
        }

        await Assert.ThrowsAsync<ProviderNotFoundException>(() => function.Invoke([], new InvocationOptions("no-such-node")));
        var drained = fixture.ProviderIds[0];
        await fixture.Grains.GetGrain<IProviderGrain>(drained).Drain();
        try
        {
            await Assert.ThrowsAsync<PinnedProviderUnavailableException>(() => function.Invoke([], new InvocationOptions(drained)));
        }
        finally
        {
            await fixture.Grains.GetGrain<IProviderGrain>(drained).Undrain();
        }
    }
}
