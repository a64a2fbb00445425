using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Scheduling;

[Collection(FaasClusterCollection.Name)]
public sealed class PlacementClusterTests(FaasClusterFixture fixture)
{
    [Fact]
    public async Task A_function_requiring_a_label_no_provider_carries_is_refused_naming_it_and_leaves_no_task()
    {
        var requires = ImmutableDictionary<string, string>.Empty.Add("gpu", "true");

        var refused = await Assert.ThrowsAsync<UnmetConstraintException>(() =>
            fixture.Invoke("echo", "x", d => d with { Placement = new PlacementSpec(null, requires) }));

        Assert.Equal("gpu=true", refused.Constraint);
        Assert.Contains("gpu=true", refused.Message);
    }

    [Fact]
    public async Task The_task_keeps_why_it_went_where_it_did()
    {
        var id = await fixture.Invoke("echo", "x", d => d with { Placement = new PlacementSpec(PlacementPolicyKind.Predictive, ImmutableDictionary<string, string>.Empty) });
        await fixture.WaitForStatus([id], TaskState.Completed);

        var task = (await fixture.Grains.GetGrain<ITaskGrain>(id).GetSnapshot())!;

        Assert.NotNull(task.Placement);
        Assert.Equal(PlacementPolicyKind.Predictive, task.Placement.Policy);
        Assert.Contains(task.Placement.RunnerUp, fixture.ProviderIds);
        Assert.NotEqual(task.Provider, task.Placement.RunnerUp);
        Assert.True(task.Placement.ExpectedFinishMs > 0);
    }

    [Fact]
    public async Task A_functions_own_policy_beats_the_clusters()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
            ids.Add(await fixture.Invoke("echo", "x", d => d with { Placement = new PlacementSpec(PlacementPolicyKind.RoundRobin, ImmutableDictionary<string, string>.Empty) }));
        await fixture.WaitForStatus(ids, TaskState.Completed);

        var tasks = await Task.WhenAll(ids.Select(id => fixture.Grains.GetGrain<ITaskGrain>(id).GetSnapshot()));

        Assert.All(tasks, t => Assert.Equal(PlacementPolicyKind.RoundRobin, t!.Placement!.Policy));
    }
}
