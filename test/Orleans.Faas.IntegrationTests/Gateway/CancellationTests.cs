using System.Net;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Gateway;

/// <summary>POST /v1/tasks/{id}/cancel against a real silo and the real dockerd.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class CancellationTests(EmbeddedPlatformFixture platform)
{
    private HttpClient Http => platform.Http;

    [Fact]
    public async Task Cancelling_a_running_container_fails_the_task_and_the_container_is_gone()
    {
        var name = UniqueName("cancelled");
        await Http.RegisterOk(Hello(name, 60, "/bin/sleep", "60"));
        using var accepted = await Http.InvokeAsync(name, "");
        var taskId = (await accepted.Json())["taskId"]!.GetValue<string>();
        await WaitUntilRunningWithAContainer(taskId, name);

        using var cancel = await Http.PostAsync($"/v1/tasks/{taskId}/cancel", null);

        Assert.True(cancel.StatusCode == HttpStatusCode.OK, await Describe(cancel));
        var task = await cancel.Json();
        Assert.Equal("FAILED", task["status"]!.GetValue<string>());
        Assert.Equal("cancelled", task["failureReason"]!.GetValue<string>());
        Assert.Empty(await platform.ContainersOf(name));
        await (await Http.GetAsync($"/v1/tasks/{taskId}/result")).AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Cancelling_twice_or_an_unknown_task_is_a_problem()
    {
        var name = UniqueName("done");
        await Http.RegisterOk(Cat(name));
        using var finished = await Http.InvokeSync(name, "x");
        var taskId = finished.Headers.GetValues("X-Faas-Task-Id").Single();

        await (await Http.PostAsync($"/v1/tasks/{taskId}/cancel", null)).AssertProblem(HttpStatusCode.Conflict);
        await (await Http.PostAsync($"/v1/tasks/{Guid.NewGuid()}/cancel", null)).AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal("COMPLETED", (await Http.WaitForTask(taskId))["status"]!.GetValue<string>());
    }

    private Task WaitUntilRunningWithAContainer(string taskId, string function) =>
        Poll.UntilAsync(async () => (await platform.ContainersOf(function)).Count > 0, Patience, $"task {taskId} to get a container");
}
