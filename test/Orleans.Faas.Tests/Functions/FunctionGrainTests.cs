using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.Profiles;
using Orleans.Faas.Registry;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Functions;

[Collection(FaasClusterCollection.Name)]
public sealed class FunctionGrainTests(FaasClusterFixture fixture)
{
    [Fact]
    public async Task Every_registration_makes_a_new_version_and_deleted_versions_are_never_reused()
    {
        var name = $"versions-{Guid.NewGuid():N}"[..20];
        var grain = fixture.Grains.GetGrain<IFunctionGrain>(name);

        Assert.Equal(1, (await grain.Register(FaasClusterFixture.Script(name, "echo"))).Version.Version);
        Assert.Equal(2, (await grain.Register(FaasClusterFixture.Script(name, "fail"))).Version.Version);
        Assert.Equal("fail", (await grain.GetLatest())!.Definition.Command[0]);
        Assert.Contains(name, await Registry.List());

        Assert.True(await grain.Delete());
        Assert.Null(await grain.GetLatest());
        Assert.DoesNotContain(name, await Registry.List());
        Assert.False(await grain.Delete());

        Assert.Equal(3, (await grain.Register(FaasClusterFixture.Script(name, "echo"))).Version.Version);
    }

    [Fact]
    public async Task Registering_the_latest_definition_again_changes_nothing()
    {
        var name = $"same-{Guid.NewGuid():N}"[..20];
        var grain = fixture.Grains.GetGrain<IFunctionGrain>(name);
        var definition = FaasClusterFixture.Script(name, "echo") with
        {
            Env = ImmutableDictionary<string, string>.Empty.Add("A", "1").Add("B", "2"),
            Placement = new PlacementSpec(null, ImmutableDictionary<string, string>.Empty.Add("zone", "lab")),
        };

        var first = await grain.Register(definition);
        // Equal contents in new collections, in another order: the same definition.
        var again = await grain.Register(definition with
        {
            Command = [.. definition.Command],
            Env = ImmutableDictionary<string, string>.Empty.Add("B", "2").Add("A", "1"),
            Placement = new PlacementSpec(null, ImmutableDictionary<string, string>.Empty.Add("zone", "lab")),
        });
        var changed = await grain.Register(definition with { Env = definition.Env.SetItem("B", "3") });

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal((first.Version.Version, first.Version.RegisteredAt), (again.Version.Version, again.Version.RegisteredAt));
        Assert.True(changed.Created);
        Assert.Equal(2, changed.Version.Version);
    }

    [Fact]
    public async Task An_invalid_definition_is_rejected_and_stores_nothing()
    {
        var name = $"invalid-{Guid.NewGuid():N}"[..20];
        var grain = fixture.Grains.GetGrain<IFunctionGrain>(name);
        var invalid = FaasClusterFixture.Script(name, "echo") with { Cpu = -1, MemoryMiB = -5 };

        var error = await Assert.ThrowsAsync<InvalidFunctionDefinitionException>(() => grain.Register(invalid));

        Assert.Equal(["cpu", "memoryMiB"], error.Errors.Keys.Order());
        Assert.Null(await grain.GetLatest());
        Assert.DoesNotContain(name, await Registry.List());
    }

    [Fact]
    public async Task Learning_from_runs_writes_the_observations_and_never_the_function_record()
    {
        var name = $"observed-{Guid.NewGuid():N}"[..20];
        var grain = fixture.Grains.GetGrain<IFunctionGrain>(name);
        await grain.Register(FaasClusterFixture.Script(name, "echo"));
        var id = fixture.Grains.GetGrain<IFunctionGrain>(name).GetGrainId();
        var recordWrites = fixture.Storage.Writes[("function", id)];

        await grain.Observe([new ExecutionSample(1000, 40, 30, null, null, null, null, null)]);

        await Poll.UntilAsync(async () => !(await grain.GetProfile()).IsEmpty, ClusterTasks.Patience, "the observation to be learnt");
        Assert.Equal(recordWrites, fixture.Storage.Writes[("function", id)]);
        Assert.Equal(1, fixture.Storage.Writes[("observed", id)]);
    }

    [Fact]
    public async Task A_version_with_other_code_or_box_starts_with_no_profile_and_never_learns_from_runs_of_the_old_one()
    {
        var name = $"newwork-{Guid.NewGuid():N}"[..20];
        var grain = fixture.Grains.GetGrain<IFunctionGrain>(name);
        var first = await grain.Register(FaasClusterFixture.Script(name, "echo"));
        await grain.RecordProfile([new ProfilePoint(10, Stats(5), ProfileSource.Profiled, DateTimeOffset.UtcNow, first.Version.Version)]);
        await grain.Observe([Sample(1000, first.Version.Version)]);
        await Poll.UntilAsync(async () => (await grain.GetProfile()).Length, count => count == 2, ClusterTasks.Patience, "the observation to be learnt");

        var second = await grain.Register(FaasClusterFixture.Script(name, "echo") with { MemoryMiB = 256 });

        Assert.Empty(await grain.GetProfile());
        Assert.Null(await grain.Estimate(1000));
        // A run of the first version finishing now is not learnt; one of the second is.
        await grain.Observe([Sample(1000, first.Version.Version)]);
        await grain.Observe([Sample(1_000_000, second.Version.Version)]);
        var learnt = await Poll.UntilAsync(async () => await grain.GetProfile(), points => !points.IsEmpty, ClusterTasks.Patience, "the second version's run to be learnt");
        Assert.Equal([1_000_000L], learnt.Select(p => p.InputSize));
    }

    [Fact]
    public async Task A_version_with_the_same_code_and_box_keeps_the_profile_and_learns_from_runs_of_the_old_one()
    {
        var name = $"samework-{Guid.NewGuid():N}"[..20];
        var grain = fixture.Grains.GetGrain<IFunctionGrain>(name);
        var first = await grain.Register(FaasClusterFixture.Script(name, "echo"));
        await grain.Observe([Sample(1000, first.Version.Version)]);
        await Poll.UntilAsync(async () => (await grain.GetProfile()).Length, count => count == 1, ClusterTasks.Patience, "the observation to be learnt");

        var second = await grain.Register(FaasClusterFixture.Script(name, "echo") with { Env = ImmutableDictionary<string, string>.Empty.Add("A", "1") });

        Assert.Equal(2, second.Version.Version);
        Assert.Equal([1000L], (await grain.GetProfile()).Select(p => p.InputSize));
        await grain.Observe([Sample(1_000_000, first.Version.Version)]);
        await Poll.UntilAsync(async () => (await grain.GetProfile()).Length, count => count == 2, ClusterTasks.Patience, "the first version's run to be learnt");
    }

    private static ExecutionSample Sample(long inputSize, int version) => new(inputSize, 40, 30, null, null, null, null, null, version);

    private static RunStatistics Stats(double wallMs) => new(wallMs, wallMs, wallMs, 0, Samples: 1, CpuMs: wallMs, null, null, null, null, null);

    private IRegistryGrain Registry => fixture.Grains.GetGrain<IRegistryGrain>(Registries.Functions);
}
