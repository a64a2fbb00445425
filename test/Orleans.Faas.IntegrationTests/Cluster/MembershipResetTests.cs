using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Orleans.Faas.IntegrationTests.Cluster;

/// <summary>Provider status follows membership also when membership's store lost its data and a dead silo left no Dead entry.</summary>
public sealed class MembershipResetTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_provider_whose_silo_stopped_after_redis_lost_its_data_goes_down()
    {
        await using var cluster = await LabCluster.Create();
        await cluster.Start(["reset-a", "reset-b"]);
        var survivor = cluster.Silos[0];
        var victim = cluster.Silos[1];
        Assert.Equal("READY", await Status(survivor.Http, victim.Name));

        await cluster.Redis.RestartEmpty();
        await victim.Kill();

        var clock = Stopwatch.StartNew();
        while (await Status(survivor.Http, victim.Name) != "DOWN")
        {
            Assert.True(clock.Elapsed < Patience, $"Provider {victim.Name} is still not DOWN {Patience} after its silo was killed:\n{survivor.LogTail()}");
            await Task.Delay(250);
        }
        Assert.Equal("READY", await Status(survivor.Http, survivor.Name));
    }

    private static async Task<string> Status(HttpClient http, string provider) =>
        (await http.GetFromJsonAsync<JsonObject>($"/v1/providers/{provider}"))!["status"]!.GetValue<string>();
}
