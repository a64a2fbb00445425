using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Gateway;

/// <summary>The user's path through real HTTP, a real silo process and the real dockerd.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class DockerInvocationTests(EmbeddedPlatformFixture platform)
{
    private HttpClient Http => platform.Http;

    [Fact]
    public async Task Register_then_invoke_asynchronously_then_poll_then_read_the_result()
    {
        var name = UniqueName("hello");
        using var registered = await Http.Register(Hello(name));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal($"/v1/functions/{name}", registered.Headers.Location?.ToString());
        Assert.Equal(1, (await registered.Json())["version"]!.GetValue<int>());

        using var accepted = await Http.InvokeAsync(name, "Ada");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var taskId = (await accepted.Json())["taskId"]!.GetValue<string>();
        Assert.Equal($"/v1/tasks/{taskId}", accepted.Headers.Location?.ToString());

        var task = await Http.WaitForTask(taskId);
        Assert.Equal("COMPLETED", task["status"]!.GetValue<string>());
        Assert.Equal(platform.Silo.Name, task["provider"]!.GetValue<string>());
        Assert.Equal(1, task["attempts"]!.GetValue<int>());
        Assert.Equal(0, task["exitCode"]!.GetValue<int>());
        Assert.NotNull(task["startedAt"]);
        Assert.NotNull(task["finishedAt"]);

        Assert.Equal("Hello, Ada!\n", await Http.GetStringAsync($"/v1/tasks/{taskId}/result"));
        // The finished container stays warm for the next invocation.
        Assert.Single(await platform.ContainersOf(name));
    }

    [Fact]
    public async Task A_sync_invoke_returns_the_output_with_the_task_id()
    {
        var name = UniqueName("hello-sync");
        await Http.RegisterOk(Hello(name));

        using var response = await Http.InvokeSync(name, "Bob");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
        Assert.Equal("Hello, Bob!\n", await response.Content.ReadAsStringAsync());
        var taskId = response.Headers.GetValues("X-Faas-Task-Id").Single();
        Assert.Equal("COMPLETED", (await Http.GetFromJsonAsync<JsonObject>($"/v1/tasks/{taskId}"))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_non_zero_exit_fails_the_task_with_the_exit_code_and_stderr_tail()
    {
        var name = UniqueName("exit-three");
        await Http.RegisterOk(Hello(name, 30, "/bin/sh", "-c", "echo first >&2; echo 'it broke' >&2; exit 3"));

        using var response = await Http.InvokeSync(name, "");

        var problem = await response.AssertProblem(HttpStatusCode.BadGateway);
        Assert.Equal(3, problem["exitCode"]!.GetValue<int>());
        Assert.Equal("exit code", problem["failureReason"]!.GetValue<string>());
        var task = await Http.WaitForTask(problem["taskId"]!.GetValue<string>());
        Assert.Equal("FAILED", task["status"]!.GetValue<string>());
        Assert.Contains("it broke", task["error"]!.GetValue<string>());
        Assert.Equal("first\nit broke\n", await Http.GetStringAsync($"/v1/tasks/{task["id"]}/logs"));
    }

    [Fact]
    public async Task A_function_past_its_timeout_fails_with_reason_timeout_and_leaves_no_container()
    {
        var name = UniqueName("sleeper");
        await Http.RegisterOk(Hello(name, 1, "/bin/sleep", "30"));

        using var accepted = await Http.InvokeAsync(name, "");
        var task = await Http.WaitForTask((await accepted.Json())["taskId"]!.GetValue<string>());

        Assert.Equal("FAILED", task["status"]!.GetValue<string>());
        Assert.Equal("timeout", task["failureReason"]!.GetValue<string>());
        var took = task["finishedAt"]!.GetValue<DateTimeOffset>() - task["startedAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(took, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15));
        Assert.Empty(await platform.ContainersOf(name));
    }

    [Fact]
    public async Task A_sync_invoke_that_outlasts_the_wait_answers_202_with_the_task_to_poll()
    {
        var name = UniqueName("slow");
        var runFor = EmbeddedPlatformFixture.SyncWait + TimeSpan.FromSeconds(2);
        await Http.RegisterOk(Hello(name, 30, "/bin/sh", "-c", $"sleep {runFor.TotalSeconds}; echo done"));

        using var response = await Http.InvokeSync(name, "");

        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await Describe(response));
        var taskId = (await response.Json())["taskId"]!.GetValue<string>();
        Assert.Equal($"/v1/tasks/{taskId}", response.Headers.Location?.ToString());
        Assert.Equal("COMPLETED", (await Http.WaitForTask(taskId))["status"]!.GetValue<string>());
        Assert.Equal("done\n", await Http.GetStringAsync($"/v1/tasks/{taskId}/result"));
    }

    [Fact]
    public async Task A_missing_image_fails_the_task_with_the_docker_error()
    {
        var name = UniqueName("no-image");
        await Http.RegisterOk(new { name, image = "faas-samples/not-built-anywhere:1", timeoutSeconds = 10 });

        using var response = await Http.InvokeSync(name, "");

        var problem = await response.AssertProblem(HttpStatusCode.BadGateway);
        Assert.Equal("start failed", problem["failureReason"]!.GetValue<string>());
        Assert.Contains("not-built-anywhere", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Limits_from_the_definition_reach_the_container()
    {
        var name = UniqueName("limits");
        await Http.RegisterOk(Hello(name, 30, "/bin/cat", "/sys/fs/cgroup/memory/memory.limit_in_bytes"));

        using var response = await Http.InvokeSync(name, "");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
        Assert.Equal((64L * 1024 * 1024).ToString(), (await response.Content.ReadAsStringAsync()).Trim());
    }
}
