using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Cluster;

/// <summary>Two cluster silos on the test dockerd: a secret stored through one is decrypted and mounted by the other.</summary>
public sealed class ClusterSecretTests
{
    [Fact]
    public async Task A_secret_created_through_one_node_is_mounted_by_a_function_running_on_another()
    {
        await using var cluster = await LabCluster.Create();
        await cluster.Start(["sec-a", "sec-b"], new Dictionary<string, string> { ["Faas__Docker__Endpoint"] = TestEnvironment.DockerEndpoint });
        var (a, b) = (cluster.Silos[0], cluster.Silos[1]);
        var (secret, value) = (UniqueName("shared"), $"pw-{Guid.NewGuid():N}");
        using (var put = await a.Http.PutAsync($"/v1/secrets/{secret}", new StringContent(value)))
            Assert.True(put.StatusCode == HttpStatusCode.Created, await Describe(put));
        var name = UniqueName("cluster-secret");
        await cluster.Gateway!.Http.RegisterOk(new
        {
            name,
            image = "faas-samples/hello:latest",
            command = new[] { "/bin/cat", $"/run/secrets/{secret}" },
            memoryMiB = 64,
            secrets = new[] { secret },
        });
        await UntilReady(b.Http, b.Name);

        using var response = await b.Http.PostAsync($"/v1/functions/{name}/invoke?provider={b.Name}", new StringContent(""));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
        Assert.Equal(value, await response.Content.ReadAsStringAsync());
        var task = await b.Http.GetFromJsonAsync<JsonObject>($"/v1/tasks/{response.Headers.GetValues("X-Faas-Task-Id").Single()}");
        Assert.Equal(b.Name, task!["provider"]!.GetValue<string>());
        Assert.All(cluster.Silos, silo => Assert.DoesNotContain(value, File.ReadAllText(silo.LogPath)));
    }

    private static Task UntilReady(HttpClient http, string provider) =>
        Poll.UntilAsync(
            async () => (await http.GetFromJsonAsync<JsonObject>($"/v1/providers/{provider}"))?["status"]?.GetValue<string>() == "READY", Patience,
            $"provider {provider} to become READY");
}
