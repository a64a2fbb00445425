using System.Text.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.Cache;
using Orleans.Faas.Functions;
using Orleans.Faas.HttpModel.Json;
using Orleans.Faas.HttpModel.Tasks;
using Orleans.Faas.Tasks;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Tasks;

/// <summary>The cache ways a task needs reach its node's runner, and what its run got is on the task.</summary>
[Collection(FaasClusterCollection.Name)]
public sealed class TaskCacheAllocationTests(FaasClusterFixture fixture)
{
    [Fact]
    public async Task A_task_that_needs_cache_ways_shows_what_its_run_got()
    {
        var task = await Finished(await Submit("echo", cacheWays: 2));

        Assert.Equal(TaskState.Completed, task.Status);
        var allocation = task.Conditions?.CacheAllocation;
        Assert.Equal(CacheAllocationDecision.Allocated(2, "003", $"orleans-faas-{task.Provider}@scripted"), allocation);
        var json = JsonNode.Parse(JsonSerializer.Serialize(TaskResponse.From(task), FaasJson.Options))!;
        Assert.Equal(2, json["cacheAllocation"]!["ways"]!.GetValue<int>());
        Assert.Equal("003", json["cacheAllocation"]!["mask"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_run_the_node_refuses_ways_shows_why()
    {
        var task = await Finished(await Submit("cache-refused", cacheWays: 4));

        Assert.Equal(TaskState.Completed, task.Status);
        Assert.Equal(CacheAllocationDecision.NotAllocated(ScriptedRunner.RefusedBecause), task.Conditions?.CacheAllocation);
    }

    [Fact]
    public async Task A_task_without_a_cache_need_shows_no_cache_allocation()
    {
        var task = await Finished(await Submit("echo", cacheWays: null));

        Assert.Equal(TaskState.Completed, task.Status);
        Assert.Null(task.Conditions?.CacheAllocation);
        Assert.Null(TaskResponse.From(task).CacheAllocation);
    }

    private async Task<Guid> Submit(string script, int? cacheWays)
    {
        var name = $"{script}-{Guid.NewGuid():N}"[..30];
        var version = (await fixture.Grains.GetGrain<IFunctionGrain>(name).Register(FaasClusterFixture.Script(name, script))).Version;
        var id = Guid.NewGuid();
        await fixture.Grains.GetGrain<ITaskGrain>(id).Submit(new TaskSubmission(version, [], 0, CacheWays: cacheWays));
        return id;
    }

    private async Task<TaskSnapshot> Finished(Guid id) =>
        (await fixture.Grains.GetGrain<ITaskGrain>(id).WaitUntilFinished(ClusterTasks.Patience))!;
}
