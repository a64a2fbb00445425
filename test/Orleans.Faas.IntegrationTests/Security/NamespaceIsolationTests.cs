using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Security;

/// <summary>Keys act in their own namespaces: another namespace's functions, tasks and logs are not found, and keys never reach the log.</summary>
[Collection(SecuredSiloCollection.Name)]
public sealed class NamespaceIsolationTests(SecuredSiloFixture platform)
{
    [Fact]
    public async Task Another_namespaces_function_task_result_and_logs_answer_404()
    {
        using var alice = platform.Client(await platform.Key("developer", "team-a"));
        using var bob = platform.Client(await platform.Key("developer", "team-b"));
        var name = UniqueName("private");
        await alice.RegisterOk(Cat(name));
        using var invoked = await alice.InvokeAsync(name, "alice's input");
        var taskId = (await invoked.Json())["taskId"]!.GetValue<string>();
        Assert.Equal("COMPLETED", (await alice.WaitForTask(taskId))["status"]!.GetValue<string>());

        foreach (var path in new[] { $"/v1/functions/{name}", $"/v1/tasks/{taskId}", $"/v1/tasks/{taskId}/result", $"/v1/tasks/{taskId}/logs", $"/v1/tasks/{taskId}?waitSeconds=1" })
            await (await bob.GetAsync(path)).AssertProblem(HttpStatusCode.NotFound);
        await (await bob.InvokeSync(name, "bob's input")).AssertProblem(HttpStatusCode.NotFound);
        await (await bob.PostAsync($"/v1/tasks/{taskId}/cancel", null)).AssertProblem(HttpStatusCode.NotFound);
        await (await bob.DeleteAsync($"/v1/functions/{name}")).AssertProblem(HttpStatusCode.NotFound);
        Assert.DoesNotContain(await bob.GetFromJsonAsync<JsonArray>("/v1/functions") ?? [], f => f!["name"]!.GetValue<string>() == name);

        // The owner still sees all of it; the function answers with its namespace.
        var function = await alice.GetFromJsonAsync<JsonObject>($"/v1/functions/{name}");
        Assert.Equal("team-a", function!["namespace"]!.GetValue<string>());
        Assert.Equal("alice's input", await alice.GetStringAsync($"/v1/tasks/{taskId}/result"));
    }

    [Fact]
    public async Task Secrets_are_their_namespaces_own_and_a_function_may_name_only_its_own_namespaces()
    {
        using var alice = platform.Client(await platform.Key("developer", "team-s"));
        using var bob = platform.Client(await platform.Key("developer", "team-t"));
        var secret = UniqueName("token");
        Assert.Equal(HttpStatusCode.Created, (await alice.PutAsync($"/v1/secrets/{secret}", new StringContent("hunter2"))).StatusCode);

        Assert.DoesNotContain(await bob.GetFromJsonAsync<JsonArray>("/v1/secrets") ?? [], s => s!["name"]!.GetValue<string>() == secret);
        await (await bob.DeleteAsync($"/v1/secrets/{secret}")).AssertProblem(HttpStatusCode.NotFound);
        var uses = new { name = UniqueName("uses"), runtime = "docker", image = "faas-samples/hello:latest", secrets = new[] { secret } };
        await (await bob.Register(uses)).AssertProblem(HttpStatusCode.BadRequest);
        await alice.RegisterOk(uses);
    }

    [Fact]
    public async Task A_namespace_the_key_does_not_hold_is_refused_and_names_cannot_reach_into_another()
    {
        using var alice = platform.Client(await platform.Key("developer", "team-a"), @namespace: "team-b");
        await (await alice.GetAsync("/v1/functions")).AssertProblem(HttpStatusCode.Forbidden);

        var name = UniqueName("target");
        using var owner = platform.Client(await platform.Key("developer", "team-c"));
        await owner.RegisterOk(Cat(name));
        using var outsider = platform.Client(await platform.Key("admin", "default"));
        // The default namespace's names carry no prefix; a name with '/' in it must not land in team-c.
        await (await outsider.Register(Cat($"team-c/{name}"))).AssertProblem(HttpStatusCode.BadRequest);
        await (await outsider.GetAsync($"/v1/functions/team-c%2F{name}")).AssertProblem(HttpStatusCode.NotFound);
        await (await outsider.InvokeSync($"team-c%2F{name}", "x")).AssertProblem(HttpStatusCode.NotFound);
        // An admin reaches another namespace by naming it.
        using var admin = platform.Client(platform.AdminKey, @namespace: "team-c");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/v1/functions/{name}")).StatusCode);
    }

    [Fact]
    public async Task An_invoker_invokes_and_reads_results_but_cannot_register()
    {
        var name = UniqueName("invoked");
        using var developer = platform.Client(await platform.Key("developer", "team-d"));
        await developer.RegisterOk(Cat(name));
        using var invoker = platform.Client(await platform.Key("invoker", "team-d"));

        await (await invoker.Register(Cat(UniqueName("nope")))).AssertProblem(HttpStatusCode.Forbidden);
        using var output = await invoker.InvokeSync(name, "ok");
        Assert.True(output.StatusCode == HttpStatusCode.OK, await Describe(output));
        Assert.Equal("ok", await output.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_namespace_at_its_task_limit_answers_429_with_retry_after()
    {
        var name = UniqueName("slow");
        using var developer = platform.Client(await platform.Key("developer", SecuredSiloFixture.Capped));
        await developer.RegisterOk(new { name, runtime = "process", command = new[] { "/bin/sleep", "5" } });

        using var first = await developer.InvokeAsync(name, "");
        Assert.True(first.StatusCode == HttpStatusCode.Accepted, await Describe(first));
        using var second = await developer.InvokeAsync(name, "");

        var problem = await second.AssertProblem(HttpStatusCode.TooManyRequests);
        Assert.True(second.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), await Describe(second));
        Assert.Contains(SecuredSiloFixture.Capped, problem["detail"]!.GetValue<string>());
        await (await developer.PostAsJsonAsync($"/v1/functions/{name}/batches", new[] { "a" })).AssertProblem(HttpStatusCode.TooManyRequests);
        // Once the first task finished, its place is free again.
        await developer.WaitForTask((await first.Json())["taskId"]!.GetValue<string>());
        await Poll.UntilAsync(
            () => HttpAnswer.Of(developer.InvokeAsync(name, "")), again => again.Status == HttpStatusCode.Accepted, Patience,
            "an invocation to be accepted once the first task finished");
    }

    [Fact]
    public async Task A_key_over_its_rate_gets_429_with_retry_after()
    {
        var created = await platform.CreateKey("invoker", ["default"], new { permitsPerSecond = 1, burst = 1 });
        using var limited = platform.Client(created["key"]!.GetValue<string>());

        using var first = await limited.GetAsync("/v1/caller");
        using var second = await limited.GetAsync("/v1/caller");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await second.AssertProblem(HttpStatusCode.TooManyRequests);
        Assert.True(second.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), await Describe(second));
    }

    [Fact]
    public async Task A_revoked_key_stops_at_once_and_no_key_reaches_the_log()
    {
        var created = await platform.CreateKey("developer", ["default"]);
        var key = created["key"]!.GetValue<string>();
        using var holder = platform.Client(key);
        Assert.Equal(HttpStatusCode.OK, (await holder.GetAsync("/v1/functions")).StatusCode);
        var listed = await platform.Admin.GetFromJsonAsync<JsonArray>("/v1/keys");
        Assert.Contains(listed!, k => k!["id"]!.GetValue<string>() == created["id"]!.GetValue<string>() && k["key"] is null);

        Assert.Equal(HttpStatusCode.NoContent, (await platform.Admin.DeleteAsync($"/v1/keys/{created["id"]}")).StatusCode);
        await (await holder.GetAsync("/v1/functions")).AssertProblem(HttpStatusCode.Unauthorized);
        var wrong = "faas_0123456789abcdef_" + Convert.ToBase64String(Encoding.UTF8.GetBytes(Guid.NewGuid().ToString()));
        using var guesser = platform.Client(wrong);
        await (await guesser.GetAsync("/v1/functions")).AssertProblem(HttpStatusCode.Unauthorized);

        var log = await File.ReadAllTextAsync(platform.Silo.LogPath);
        Assert.DoesNotContain(key[^43..], log);
        Assert.DoesNotContain(wrong[^20..], log);
        Assert.DoesNotContain(platform.AdminKey, log);
    }
}
