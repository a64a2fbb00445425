using System.Net;
using Npgsql;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Cluster;

/// <summary>In cluster mode an expired task leaves no row in PostgreSQL, and neither does the bucket that expired it.</summary>
public sealed class ClusterRetentionTests
{
    [Fact]
    public async Task An_expired_task_is_a_404_and_its_row_and_its_buckets_row_are_deleted()
    {
        await using var cluster = await LabCluster.Create();
        await cluster.Start(["keeper"], new Dictionary<string, string> { ["Faas__Tasks__Retention"] = "00:00:02" });
        var http = cluster.Gateway!.Http;
        var echo = UniqueName("echo");
        await http.RegisterOk(Cat(echo));
        var taskId = await http.InvokeAccepted(echo, "stored for a while");
        await http.WaitForAll([taskId], Patience);
        Assert.Equal(1, await Rows(cluster.Postgres, "task"));

        await Poll.UntilAsync(async () => (await HttpAnswer.Of(http.GetAsync($"/v1/tasks/{taskId}"))).Status == HttpStatusCode.NotFound, Patience, "the task answers 404");
        await Poll.UntilAsync(async () => await Rows(cluster.Postgres, "task") == 0 && await Rows(cluster.Postgres, "expiryBucket") == 0, Patience,
            "no task or expiry bucket row to be left");
    }

    /// <summary>Rows stored under one state name.</summary>
    private static async Task<long> Rows(string postgres, string stateName)
    {
        await using var dataSource = NpgsqlDataSource.Create(postgres);
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM OrleansStorage WHERE GrainTypeString = $1");
        count.Parameters.Add(new NpgsqlParameter<string>{ TypedValue = stateName });
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
