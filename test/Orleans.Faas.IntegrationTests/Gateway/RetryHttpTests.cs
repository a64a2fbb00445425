using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Gateway;

/// <summary>
/// A function's retry policy and its dead letters through the gateway, with real process functions: one that fails
/// until its third run, counting its runs in a file of its own, and one that always fails.
/// </summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class RetryHttpTests(EmbeddedPlatformFixture platform) : IDisposable
{
    private readonly string _counter = Path.Combine(Path.GetTempPath(), $"faas-retry-{Guid.NewGuid():N}");

    private HttpClient Http => platform.Http;

    public void Dispose() => File.Delete(_counter);

    /// <summary>Exits 3 on its first two runs, then echoes its input.</summary>
    private object FailsTwice(string name, object retry) => new
    {
        name,
        runtime = "process",
        command = new[] { "/bin/sh", "-c", $"n=$(($(cat {_counter} 2>/dev/null || echo 0) + 1)); echo $n > {_counter}; if [ $n -lt 3 ]; then echo \"run $n fails\" >&2; exit 3; fi; cat" },
        retry,
    };

    private static object AlwaysFails(string name, object retry) =>
        new { name, runtime = "process", command = new[] { "/bin/sh", "-c", "cat > /dev/null; echo broken >&2; exit 3" }, retry };

    [Fact]
    public async Task A_function_that_fails_twice_completes_on_its_third_run_after_the_backoff()
    {
        var name = UniqueName("flaky");
        await Http.RegisterOk(FailsTwice(name, new { maxAttempts = 4, backoffSeconds = 1, on = new { exitCodes = new[] { 3 } } }));

        var task = await Http.WaitForTask(await Accepted(name, "sample-17"));

        Assert.Equal("COMPLETED", task["status"]!.GetValue<string>());
        var runs = task["runs"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal(["FAILED", "FAILED", "COMPLETED"], runs.Select(r => r["status"]!.GetValue<string>()));
        Assert.Equal([3, 3], runs.Take(2).Select(r => r["exitCode"]!.GetValue<int>()));
        Assert.All(runs.Take(2), r => Assert.Equal("exit code", r["failureReason"]!.GetValue<string>()));
        Assert.Contains("run 2 fails", runs[1]["error"]!.GetValue<string>());
        // The n-th retry waits at least half of 1 s · 2^(n-1), and no run starts before its stored due time.
        for (var retry = 1; retry <= 2; retry++)
        {
            var failed = runs[retry - 1];
            var next = runs[retry];
            Assert.True(Time(next, "startedAt") >= Time(failed, "retryAt"), $"run {retry + 1} started before it was due: {task}");
            Assert.True(Time(next, "startedAt") - Time(failed, "finishedAt") >= TimeSpan.FromSeconds(0.5 * Math.Pow(2, retry - 1)), $"retry {retry} came too soon: {task}");
        }
        Assert.Null(runs[2]["retryAt"]);
        Assert.Equal(3, task["attempts"]!.GetValue<int>());
        Assert.Equal("sample-17", await Http.GetStringAsync($"/v1/tasks/{task["id"]}/result"));
        Assert.Empty(await Letters(name));
    }

    [Fact]
    public async Task A_failure_the_policy_does_not_list_is_not_retried()
    {
        var name = UniqueName("unlisted");
        await Http.RegisterOk(FailsTwice(name, new { maxAttempts = 4, backoffSeconds = 0, on = new { exitCodes = new[] { 75 }, timeout = true } }));

        var task = await Http.WaitForTask(await Accepted(name, "x"));

        Assert.Equal("FAILED", task["status"]!.GetValue<string>());
        Assert.Single(task["runs"]!.AsArray());
        Assert.Single(await Letters(name));
    }

    [Fact]
    public async Task One_that_always_fails_lands_in_dead_letters_once_and_a_replay_of_the_fixed_version_completes()
    {
        var name = UniqueName("broken");
        await Http.RegisterOk(AlwaysFails(name, new { maxAttempts = 3, backoffSeconds = 0.2 }));

        var taskId = await Accepted(name, "reading-42");
        var task = await Http.WaitForTask(taskId);
        Assert.Equal("FAILED", task["status"]!.GetValue<string>());

        var letters = await Letters(name);
        var letter = Assert.Single(letters);
        Assert.Equal(taskId, letter["id"]!.GetValue<string>());
        Assert.Equal(1, letter["functionVersion"]!.GetValue<int>());
        Assert.Equal("exit code", letter["failureReason"]!.GetValue<string>());
        Assert.Equal(3, letter["runs"]!.AsArray().Count);
        Assert.All(letter["runs"]!.AsArray(), r => Assert.Contains("broken", r!["error"]!.GetValue<string>()));
        Assert.Null(letter["input"]);
        var shown = await Http.GetFromJsonAsync<JsonObject>($"/v1/functions/{name}/dead-letters/{taskId}");
        Assert.Equal("reading-42", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(shown!["input"]!.GetValue<string>())));

        await Http.RegisterOk(Cat(name));
        using var replayed = await Http.PostAsync($"/v1/functions/{name}/dead-letters/{taskId}/replay", null);
        Assert.True(replayed.StatusCode == HttpStatusCode.Accepted, await Describe(replayed));
        var replay = await replayed.Json();
        var replayTask = await Http.WaitForTask(replay["taskId"]!.GetValue<string>());

        Assert.Equal("COMPLETED", replayTask["status"]!.GetValue<string>());
        Assert.Equal(2, replayTask["functionVersion"]!.GetValue<int>());
        Assert.Equal("reading-42", await Http.GetStringAsync($"/v1/tasks/{replay["taskId"]}/result"));
        Assert.Empty(await Letters(name));
        using var again = await Http.PostAsync($"/v1/functions/{name}/dead-letters/{taskId}/replay", null);
        await again.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_letter_is_replayed_at_once_and_one_is_deleted_once()
    {
        var name = UniqueName("broken-all");
        await Http.RegisterOk(AlwaysFails(name, new { maxAttempts = 1 }));
        var tasks = new List<string>();
        for (var i = 0; i < 3; i++)
            tasks.Add(await Accepted(name, $"item-{i}"));
        foreach (var task in tasks)
            await Http.WaitForTask(task);
        Assert.Equal(3, (await Letters(name)).Count);

        using (var deleted = await Http.DeleteAsync($"/v1/functions/{name}/dead-letters/{tasks[0]}"))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using (var deletedAgain = await Http.DeleteAsync($"/v1/functions/{name}/dead-letters/{tasks[0]}"))
            await deletedAgain.AssertProblem(HttpStatusCode.NotFound);
        await Http.RegisterOk(Cat(name));
        using var replayed = await Http.PostAsync($"/v1/functions/{name}/dead-letters/replay", null);

        Assert.True(replayed.StatusCode == HttpStatusCode.Accepted, await Describe(replayed));
        var replays = JsonNode.Parse(await replayed.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(tasks.Skip(1).Order(), replays.Select(r => r!["deadLetterId"]!.GetValue<string>()).Order());
        foreach (var replay in replays)
            Assert.Equal("COMPLETED", (await Http.WaitForTask(replay!["taskId"]!.GetValue<string>()))["status"]!.GetValue<string>());
        Assert.Empty(await Letters(name));
    }

    [Fact]
    public async Task A_page_of_dead_letters_links_to_the_next()
    {
        var name = UniqueName("paged");
        await Http.RegisterOk(AlwaysFails(name, new { maxAttempts = 1 }));
        for (var i = 0; i < 3; i++)
            await Http.WaitForTask(await Accepted(name, $"item-{i}"));

        using var first = await Http.GetAsync($"/v1/functions/{name}/dead-letters?limit=2");
        var next = first.Headers.GetValues("Link").Single();
        using var second = await Http.GetAsync(next[1..next.IndexOf('>')]);

        Assert.Equal(2, JsonNode.Parse(await first.Content.ReadAsStringAsync())!.AsArray().Count);
        Assert.Single(JsonNode.Parse(await second.Content.ReadAsStringAsync())!.AsArray());
        using var badToken = await Http.GetAsync($"/v1/functions/{name}/dead-letters?before=nonsense");
        Assert.Contains("before", (await badToken.AssertProblem(HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key));
    }

    [Theory]
    [InlineData(0, 1.0, "retry.maxAttempts")]
    [InlineData(21, 1.0, "retry.maxAttempts")]
    [InlineData(3, -1.0, "retry.backoffSeconds")]
    public async Task A_retry_policy_out_of_bounds_is_a_400_naming_its_field_and_nothing_is_registered(int maxAttempts, double backoffSeconds, string field)
    {
        var name = UniqueName("bad-retry");

        using var response = await Http.Register(AlwaysFails(name, new { maxAttempts, backoffSeconds }));

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
        using var lookup = await Http.GetAsync($"/v1/functions/{name}");
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    private async Task<string> Accepted(string function, string input)
    {
        using var response = await Http.InvokeAsync(function, input);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await Describe(response));
        return (await response.Json())["taskId"]!.GetValue<string>();
    }

    private async Task<List<JsonObject>> Letters(string function) =>
        [.. (await Http.GetFromJsonAsync<JsonArray>($"/v1/functions/{function}/dead-letters"))!.Select(l => l!.AsObject())];

    private static DateTimeOffset Time(JsonObject run, string field) => run[field]!.GetValue<DateTimeOffset>();
}
