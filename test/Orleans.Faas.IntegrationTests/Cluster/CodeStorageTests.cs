using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using Orleans.Faas.IntegrationTests.Batches;
using Orleans.Faas.IntegrationTests.Hosting;
using Xunit.Abstractions;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Cluster;

/// <summary>What a 1,000-item batch of a Python function with 1 MiB of code leaves in PostgreSQL's grain storage.</summary>
public sealed class CodeStorageTests(ITestOutputHelper output)
{
    private const int Items = 1000;
    private const int CodeBytes = 1024 * 1024;

    [Fact]
    public async Task Tasks_store_their_functions_code_by_hash_not_once_each()
    {
        await using var cluster = await LabCluster.Create();
        await cluster.Start(["code-a"], new Dictionary<string, string> { ["Faas__Docker__Endpoint"] = TestEnvironment.DockerEndpoint });
        var http = cluster.Gateway!.Http;
        var name = UniqueName("big-code");
        using (var registered = await http.RegisterForm(new { name, runtime = "python", entryPoint = "big:handle" }, "big.py", BigModule()))
            Assert.True(registered.StatusCode == HttpStatusCode.Created, await Describe(registered));
        var before = await StoredBytes(cluster.Postgres);

        var batchId = await http.StartBatchAccepted(name, JsonSerializer.Serialize(Enumerable.Range(0, Items).Select(i => $"\"item-{i}\"")));
        var finished = await http.WaitForBatch(batchId, TimeSpan.FromMinutes(8));

        var after = await StoredBytes(cluster.Postgres);
        output.WriteLine($"grain storage: {before:N0} bytes with the function registered, {after:N0} bytes after a {Items}-item batch ({(after - before) / Items:N0} bytes a task)");
        // Every task ran; on a loaded machine one or two Python runs in a thousand fail, before this change as after it.
        var counts = finished["counts"]!;
        Assert.Equal(Items, counts["completed"]!.GetValue<int>() + counts["failed"]!.GetValue<int>());
        // Each task's stored records are a few kilobytes of their own; the code is kept once, by the function.
        Assert.True(after - before < Items * 16 * 1024L, $"{after - before:N0} bytes for {Items} tasks");
    }

    /// <summary>A module whose handler answers 1 to anything, padded with random text that PostgreSQL cannot compress.</summary>
    private static byte[] BigModule()
    {
        var padding = Convert.ToHexString(RandomNumberGenerator.GetBytes(CodeBytes / 2));
        return Encoding.UTF8.GetBytes($"PADDING = \"{padding}\"\n\ndef handle(_):\n    return 1\n");
    }

    private static async Task<long> StoredBytes(string postgres)
    {
        await using var dataSource = NpgsqlDataSource.Create(postgres);
        await using var sum = dataSource.CreateCommand("SELECT coalesce(sum(octet_length(PayloadBinary)), 0)::bigint FROM OrleansStorage");
        return (long)(await sum.ExecuteScalarAsync())!;
    }
}
