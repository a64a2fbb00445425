using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Gateway;

/// <summary>Limits, costs, logs and warm containers as a user sees them over HTTP, on a real silo and dockerd.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class NodeRuntimeHttpTests(EmbeddedPlatformFixture platform)
{
    private HttpClient Http => platform.Http;

    [Fact]
    public async Task A_memory_bomb_fails_with_reason_oom_and_the_node_keeps_serving()
    {
        var name = UniqueName("membomb");
        await Http.RegisterOk(new
        {
            name, runtime = "docker", image = "faas-samples/hello:latest", memoryMiB = 32,
            command = new[] { "sh", "-c", "x=0123456789abcdef; while true; do x=$x$x; done" },
        });

        using var response = await Http.InvokeSync(name, "");

        var problem = await response.AssertProblem(HttpStatusCode.BadGateway);
        Assert.Equal("oom", problem["failureReason"]!.GetValue<string>());
        Assert.Contains("memory limit", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertTheNodeStillServes();
    }

    [Fact]
    public async Task A_fork_bomb_fails_with_reason_pids_limit_and_the_node_keeps_serving()
    {
        var name = UniqueName("forkbomb");
        await Http.RegisterOk(new
        {
            name, runtime = "docker", image = "faas-samples/hello:latest", pidsLimit = 32,
            command = new[] { "sh", "-c", "f(){ f|f& }; f; sleep 5" },
        });

        using var response = await Http.InvokeSync(name, "");

        var problem = await response.AssertProblem(HttpStatusCode.BadGateway);
        Assert.Equal("pids limit", problem["failureReason"]!.GetValue<string>());
        await AssertTheNodeStillServes();
    }

    [Fact]
    public async Task A_finished_task_shows_what_it_cost_and_so_does_the_history()
    {
        var name = UniqueName("costly");
        await Http.RegisterOk(Hello(name, 30, "sh", "-c", "i=0; while [ $i -lt 50000 ]; do i=$((i+1)); done; cat"));

        using var response = await Http.InvokeSync(name, "paid");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
        var taskId = response.Headers.GetValues("X-Faas-Task-Id").Single();
        var task = (await Http.GetFromJsonAsync<JsonObject>($"/v1/tasks/{taskId}"))!;
        var metrics = task["metrics"]!.AsObject();

        Assert.True(metrics["wallMs"]!.GetValue<double>() > 0);
        Assert.True(metrics["cpuMs"]!.GetValue<double>() > 0);
        Assert.True(metrics["peakMemoryBytes"]!.GetValue<long>() > 0);
        Assert.NotNull(metrics["readBytes"]);
        Assert.NotNull(metrics["writeBytes"]);
        Assert.Null(metrics["llcReferences"]);
        Assert.False(string.IsNullOrWhiteSpace(metrics["cacheCountersUnavailable"]?.GetValue<string>()));
        Assert.Equal($"/v1/tasks/{taskId}/logs", task["logsUrl"]!.GetValue<string>());

        var history = (await Http.GetFromJsonAsync<JsonArray>($"/v1/executions?function={name}"))!;
        var row = Assert.Single(history)!.AsObject();
        Assert.Equal(metrics["cpuMs"]!.GetValue<double>(), row["cpuMs"]!.GetValue<double>());
        Assert.Equal(metrics["peakMemoryBytes"]!.GetValue<long>(), row["peakMemoryBytes"]!.GetValue<long>());
    }

    [Fact]
    public async Task Logs_keep_stderr_and_the_stdout_beyond_the_result_limit()
    {
        var name = UniqueName("chatty");
        // 7 MB of 'o' passes the 6 MiB result limit; the overflow lands in the logs behind stderr.
        await Http.RegisterOk(Hello(name, 30, "sh", "-c", "echo warming up >&2; head -c 7000000 /dev/zero | tr '\\0' o; echo TAIL"));

        using var accepted = await Http.InvokeAsync(name, "");
        var task = await Http.WaitForTask((await accepted.Json())["taskId"]!.GetValue<string>());
        var logs = await Http.GetStringAsync($"/v1/tasks/{task["id"]}/logs");

        Assert.Equal("output too large", task["failureReason"]!.GetValue<string>());
        Assert.StartsWith("warming up\n\n[stdout beyond the result limit]\n[... ", logs, StringComparison.Ordinal);
        Assert.Contains("earlier bytes of stdout beyond the result limit dropped ...]\n", logs, StringComparison.Ordinal);
        Assert.EndsWith("ooooTAIL\n", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_of_an_unknown_or_unfinished_task_are_a_problem()
    {
        using var unknown = await Http.GetAsync($"/v1/tasks/{Guid.NewGuid()}/logs");
        await unknown.AssertProblem(HttpStatusCode.NotFound);

        var name = UniqueName("slow-logs");
        await Http.RegisterOk(Hello(name, 30, "sleep", "3"));
        using var accepted = await Http.InvokeAsync(name, "");
        using var early = await Http.GetAsync($"/v1/tasks/{(await accepted.Json())["taskId"]}/logs");
        await early.AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_function_that_opts_out_of_warm_containers_leaves_none()
    {
        var name = UniqueName("cold-only");
        await Http.RegisterOk(new { name, runtime = "docker", image = "faas-samples/hello:latest", keepWarm = false });

        using var response = await Http.InvokeSync(name, "Cy");

        Assert.Equal("Hello, Cy!\n", await response.Content.ReadAsStringAsync());
        Assert.Empty(await platform.ContainersOf(name));
    }

    [Fact]
    public async Task Isolation_settings_are_validated_and_echoed()
    {
        var name = UniqueName("boxed");
        using var bad = await Http.Register(new { name, runtime = "docker", image = "x", pidsLimit = 2, user = "a b" });
        var errors = (await bad.AssertProblem(HttpStatusCode.BadRequest))["errors"]!.AsObject();
        using var unknownPolicy = await Http.Register(new { name, runtime = "docker", image = "x", pullPolicy = "sometimes" });
        await unknownPolicy.AssertProblem(HttpStatusCode.BadRequest);

        using var good = await Http.Register(new { name, runtime = "docker", image = "x", pidsLimit = 64, user = "1000:1000", pullPolicy = "never", network = true });
        var echoed = await good.Json();

        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        Assert.Equal(64, echoed["pidsLimit"]!.GetValue<int>());
        Assert.Equal("1000:1000", echoed["user"]!.GetValue<string>());
        Assert.Equal("never", echoed["pullPolicy"]!.GetValue<string>());
        Assert.True(echoed["network"]!.GetValue<bool>());
        Assert.True(echoed["keepWarm"]!.GetValue<bool>());
        Assert.Equal(["pidsLimit", "user"], errors.Select(e => e.Key).Order());
    }

    [Fact]
    public async Task A_caller_can_wait_for_a_task_in_one_long_poll()
    {
        var name = UniqueName("long-poll");
        await Http.RegisterOk(new { name, runtime = "process", command = new[] { "/bin/sh", "-c", "sleep 1; echo done" } });
        using var accepted = await Http.InvokeAsync(name, "");
        var taskId = (await accepted.Json())["taskId"]!.GetValue<string>();

        var task = (await Http.GetFromJsonAsync<JsonObject>($"/v1/tasks/{taskId}?waitSeconds=15"))!;
        using var tooLong = await Http.GetAsync($"/v1/tasks/{taskId}?waitSeconds=600");

        Assert.Equal("COMPLETED", task["status"]!.GetValue<string>());
        var problem = await tooLong.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("waitSeconds must be between 0 and 20", problem.ToJsonString(), StringComparison.Ordinal);
    }

    private async Task AssertTheNodeStillServes()
    {
        var name = UniqueName("after");
        await Http.RegisterOk(Hello(name));
        using var response = await Http.InvokeSync(name, "still here");
        Assert.Equal("Hello, still here!\n", await response.Content.ReadAsStringAsync());
    }
}
