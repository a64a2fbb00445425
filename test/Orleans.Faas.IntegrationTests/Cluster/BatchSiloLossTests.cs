using System.Diagnostics;
using Orleans.Faas.IntegrationTests.Batches;
using Xunit.Abstractions;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Cluster;

/// <summary>A batch in a cluster with PostgreSQL state: the silo it lives on is SIGKILLed while tasks run there, and the batch still ends whole.</summary>
public sealed class BatchSiloLossTests(ITestOutputHelper output)
{
    private const int Inputs = 60;
    private const int SlotsPerNode = 4;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Every_item_of_a_batch_completes_and_is_counted_when_a_silo_is_killed_mid_run()
    {
        await using var cluster = await LabCluster.Create();
        // Reconcile often, so a report lost with the batch's silo costs seconds, not a minute. Short queues: the batch's
        // first items are placed within a second of the start, and a silo whose view has not yet heard of the other
        // node would otherwise queue all sixty on its own; the rest wait in the batch and are placed as slots free up.
        await cluster.Start(["lab-a", "lab-b"], new Dictionary<string, string>
        {
            ["Faas__Worker__Slots"] = $"{SlotsPerNode}",
            ["Faas__Worker__MaxQueued"] = "2",
            ["Faas__Batches__ReconcileEvery"] = "00:00:05",
        });
        var http = cluster.Gateway!.Http;
        var name = UniqueName("batch-sleepy");
        await http.RegisterOk(ClusterHttp.Sleepy(name));
        var inputs = Enumerable.Range(0, Inputs).Select(i => $"item-{i:D2}").ToList();

        var batchId = await http.StartBatchAccepted(name, System.Text.Json.JsonSerializer.Serialize(inputs));
        // More items running than one node has slots: each silo runs some, the batch's own among them.
        var before = await Poll.UntilAsync(() => http.Batch(batchId), batch => batch["counts"]!["running"]!.GetValue<int>() > SlotsPerNode, Patience, "both nodes to run items");
        // The silo the batch itself is active on dies, with the tasks running there.
        var victim = cluster.Silos.Single(s => s.Name == before["host"]!.GetValue<string>());
        await victim.Kill();
        var clock = Stopwatch.StartNew();

        var finished = await http.WaitForBatch(batchId, Patience);
        var items = await http.Items(batchId);

        Assert.Equal(Inputs, finished["counts"]!["completed"]!.GetValue<int>());
        Assert.Equal(0, finished["counts"]!["failed"]!.GetValue<int>());
        Assert.Equal(inputs, items.Select(i => i["output"]!.GetValue<string>()));
        Assert.All(items, i => Assert.Equal("COMPLETED", i["status"]!.GetValue<string>()));
        Assert.NotEqual(victim.Name, finished["host"]!.GetValue<string>());
        var retried = 0;
        foreach (var item in items)
            retried += (await http.TaskEventually(item["taskId"]!.GetValue<string>()))["attempts"]!.GetValue<int>() > 1 ? 1 : 0;
        Assert.True(retried > 0, "some tasks ran on the killed silo and were placed again");
        output.WriteLine($"{Inputs} inputs; at the kill: {before["counts"]!.ToJsonString()}; {retried} tasks retried; batch finished {clock.Elapsed.TotalSeconds:F1} s after the kill.");
    }
}
