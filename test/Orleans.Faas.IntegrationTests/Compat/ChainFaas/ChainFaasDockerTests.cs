using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Compat.ChainFaas;

/// <summary>A ChainFaaS user's day end to end: a container service run once, then chained, on the real dockerd.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class ChainFaasDockerTests(EmbeddedPlatformFixture platform)
{
    private HttpClient Http => platform.Http;

    [Fact]
    public async Task A_container_service_runs_once_then_chained_in_containers_of_its_own()
    {
        var name = UniqueName("hello-svc");
        var serviceId = ChainFaasHttp.NewServiceId();
        var hello = JsonSerializer.SerializeToNode(Hello(name))!.AsObject();
        hello["serviceId"] = serviceId;
        await Http.RegisterOk(hello);

        using var once = await Http.RunService(serviceId.ToString(), ChainFaasHttp.Once("Ada"));
        var single = await Http.Finished(once);
        var task = await Http.WaitForTask(single["job_id"]!.GetValue<string>());
        Assert.Equal("COMPLETED", task["status"]!.GetValue<string>());
        Assert.Equal("Hello, Ada!\n", await Http.GetStringAsync($"/v1/tasks/{task["id"]}/result"));

        using var chained = await Http.RunService(serviceId.ToString(), ChainFaasHttp.Times(2, chained: true, "Ada"));
        var answer = await Http.Finished(chained);
        var run = (await Http.GetFromJsonAsync<JsonObject>($"/v1/chains/{name}/runs/{answer["job_id"]}?waitSeconds=20"))!;
        Assert.Equal("COMPLETED", run["status"]!.GetValue<string>());
        Assert.Equal("Hello, Hello, Ada!!\n", run["output"]!.GetValue<string>());
        Assert.NotEmpty(await platform.ContainersOf(name));
    }
}
