extern alias benchmarks;
using System.Collections.Immutable;
using benchmarks::Orleans.Faas.Benchmarks.Simulation;
using Orleans.Faas.Functions;
using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling;

namespace Orleans.Faas.Tests.Simulation;

/// <summary>A simulated node keeps and reports its idle containers per function version, as a real node's worker does.</summary>
public sealed class SimulatedNodeTests
{
    private static readonly NodeSpec Spec = new("n", new NodeFacts("n", 1, 8L << 30, "sim", null), Slots: 1, ColdStartMs: 500, 100, 100);

    [Fact]
    public void A_finished_run_leaves_a_container_that_the_load_reports_under_its_version()
    {
        var node = new SimulatedNode(Spec);
        var task = Task(memoryMiB: 128);

        node.Enqueue(task, 100);
        var run = Assert.Single(node.StartWhatFits(0));
        node.Finish(run);

        Assert.True(run.Cold);
        Assert.Equal(1, node.Load(run.EndMs).IdleWarmOf(task.WarmKey));
    }

    [Fact]
    public void Another_version_of_the_function_starts_cold_beside_an_idle_container_of_the_first()
    {
        var node = new SimulatedNode(Spec);
        var first = Task(memoryMiB: 128);
        node.Warm(first.WarmKey, 1);

        var second = Task(memoryMiB: 256);
        node.Enqueue(second, 100);

        Assert.True(Assert.Single(node.StartWhatFits(0)).Cold);
        Assert.Equal(0, node.Load(0).IdleWarmOf(second.WarmKey));
        Assert.Equal(1, node.Load(0).IdleWarmOf(first.WarmKey));
    }

    private static SimulatedTask Task(int memoryMiB) => new(0, 0,
        new FunctionDefinition("f", FunctionRuntime.Docker, "image", [], ImmutableDictionary<string, string>.Empty, 1, memoryMiB, TimeSpan.FromSeconds(30),
            Placement: new PlacementSpec(PlacementPolicyKind.Predictive, ImmutableDictionary<string, string>.Empty)),
        InputSize: 1, Profile: null, _ => 100);
}
