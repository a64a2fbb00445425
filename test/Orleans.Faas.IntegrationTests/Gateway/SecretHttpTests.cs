using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Gateway;

/// <summary>Secrets through real HTTP, a real silo process and the real dockerd: mounted, read-only, and nowhere else.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class SecretHttpTests(EmbeddedPlatformFixture platform)
{
    private HttpClient Http => platform.Http;

    [Fact]
    public async Task A_secret_is_a_read_only_file_of_the_containers_user_and_appears_in_no_environment_task_log_or_history()
    {
        var (secret, value) = (UniqueName("db-password"), $"pw-{Guid.NewGuid():N}");
        await Put(secret, value);
        var name = UniqueName("secret-reader");
        // Shows the secret only as its hash, so any place its clear value turns up was put there by the platform.
        await Http.RegisterOk(WithSecrets(name, [secret], "/bin/sh", "-c",
            $"sha256sum /run/secrets/{secret}; ls -ln /run/secrets/{secret}; "
            + $"if echo x > /run/secrets/{secret}; then echo WRITABLE; fi; echo ---; env"));

        using var response = await Http.InvokeSync(name, "");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
        var output = await response.Content.ReadAsStringAsync();
        Assert.Contains(Sha256(value), output);
        Assert.Contains("-r-------- ", output);
        Assert.DoesNotContain("WRITABLE", output);
        Assert.DoesNotContain(value, output);
        var taskId = response.Headers.GetValues("X-Faas-Task-Id").Single();
        var logs = await Http.GetStringAsync($"/v1/tasks/{taskId}/logs");
        Assert.Contains("Read-only file system", logs);
        Assert.DoesNotContain(value, logs);
        Assert.DoesNotContain(value, await Http.GetStringAsync($"/v1/tasks/{taskId}"));
        Assert.DoesNotContain(value, await Http.GetStringAsync($"/v1/tasks/{taskId}/result"));
        Assert.DoesNotContain(value, await Http.GetStringAsync($"/v1/executions?function={name}"));
        Assert.DoesNotContain(value, await Http.GetStringAsync($"/v1/functions/{name}"));
        Assert.DoesNotContain(value, await Http.GetStringAsync("/v1/secrets"));
        Assert.DoesNotContain(value, await File.ReadAllTextAsync(platform.Silo.LogPath));
    }

    [Fact]
    public async Task A_replaced_secret_is_what_the_next_run_in_the_same_warm_container_reads()
    {
        var secret = UniqueName("api-token");
        await Put(secret, "first value");
        var name = UniqueName("secret-cat");
        await Http.RegisterOk(WithSecrets(name, [secret], "/bin/cat", $"/run/secrets/{secret}"));
        Assert.Equal("first value", await InvokeOk(name));

        using var replaced = await Http.PutAsync($"/v1/secrets/{secret}", new StringContent("second value"));

        Assert.Equal(HttpStatusCode.NoContent, replaced.StatusCode);
        Assert.Equal("second value", await InvokeOk(name));
        Assert.Single(await platform.ContainersOf(name));
    }

    [Fact]
    public async Task A_deleted_secret_fails_the_next_run_naming_the_secret_and_not_its_value()
    {
        var (secret, value) = (UniqueName("gone-soon"), $"pw-{Guid.NewGuid():N}");
        await Put(secret, value);
        var name = UniqueName("secret-lost");
        await Http.RegisterOk(WithSecrets(name, [secret], "/bin/cat", $"/run/secrets/{secret}"));
        using var deleted = await Http.DeleteAsync($"/v1/secrets/{secret}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        using var accepted = await Http.InvokeAsync(name, "");
        var task = await Http.WaitForTask((await accepted.Json())["taskId"]!.GetValue<string>());

        Assert.Equal("FAILED", task["status"]!.GetValue<string>());
        Assert.Equal("start failed", task["failureReason"]!.GetValue<string>());
        Assert.Contains($"'{secret}'", task["error"]!.GetValue<string>());
        Assert.DoesNotContain(value, task.ToJsonString());
    }

    [Fact]
    public async Task Secrets_are_listed_by_name_and_times_created_then_replaced_then_deleted_and_never_read_back()
    {
        var (secret, value) = (UniqueName("listed"), $"pw-{Guid.NewGuid():N}");

        using var created = await Http.PutAsync($"/v1/secrets/{secret}", new StringContent(value));
        using var replaced = await Http.PutAsync($"/v1/secrets/{secret}", new StringContent(value + "2"));
        var listed = (await Http.GetFromJsonAsync<JsonArray>("/v1/secrets"))!.Single(s => s!["name"]!.GetValue<string>() == secret)!.AsObject();
        using var readBack = await Http.GetAsync($"/v1/secrets/{secret}");
        using var deleted = await Http.DeleteAsync($"/v1/secrets/{secret}");
        using var deletedAgain = await Http.DeleteAsync($"/v1/secrets/{secret}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/v1/secrets/{secret}", created.Headers.Location?.ToString());
        Assert.Empty(await created.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, replaced.StatusCode);
        Assert.Equal(["name", "createdAt", "updatedAt"], listed.Select(p => p.Key));
        Assert.True(listed["updatedAt"]!.GetValue<DateTimeOffset>() > listed["createdAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, readBack.StatusCode);
        Assert.DoesNotContain(value, await readBack.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await deletedAgain.AssertProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("..")]
    [InlineData("Upper")]
    [InlineData(".hidden")]
    public async Task A_name_that_is_not_a_function_style_name_is_refused_and_nothing_is_stored(string name)
    {
        using var response = await Http.PutAsync($"/v1/secrets/{name}", new StringContent("value"));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, await Describe(response));
        var names = (await Http.GetFromJsonAsync<JsonArray>("/v1/secrets"))!.Select(s => s!["name"]!.GetValue<string>());
        Assert.All(names, stored => Assert.Matches("^[a-z0-9-]+$", stored));
    }

    [Fact]
    public async Task An_empty_or_oversized_value_is_refused_without_echoing_it()
    {
        var secret = UniqueName("sized");

        using var empty = await Http.PutAsync($"/v1/secrets/{secret}", new StringContent(""));
        using var large = await Http.PutAsync($"/v1/secrets/{secret}", new ByteArrayContent(new byte[64 * 1024 + 1]));

        Assert.Contains("empty", (await empty.AssertProblem(HttpStatusCode.BadRequest)).ToJsonString());
        await large.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_definition_naming_an_unknown_secret_or_a_process_function_with_secrets_is_refused_with_the_reason()
    {
        var missing = UniqueName("no-such-secret");
        var existing = UniqueName("exists");
        await Put(existing, "value");

        using var unknown = await Http.Register(WithSecrets(UniqueName("needs-missing"), [missing], "/bin/true"));
        using var process = await Http.Register(new { name = UniqueName("process-secret"), runtime = "process", command = new[] { "/bin/cat" }, secrets = new[] { existing } });

        var unknownErrors = (await unknown.AssertProblem(HttpStatusCode.BadRequest))["errors"]!["secrets"]!.ToJsonString();
        Assert.Contains(missing, unknownErrors);
        Assert.Contains("container", (await process.AssertProblem(HttpStatusCode.BadRequest))["errors"]!["secrets"]!.ToJsonString());
    }

    private static object WithSecrets(string name, string[] secrets, params string[] command) => new
    {
        name,
        runtime = "docker",
        image = "faas-samples/hello:latest",
        command,
        cpu = 0.5,
        memoryMiB = 64,
        secrets,
    };

    private async Task Put(string secret, string value)
    {
        using var response = await Http.PutAsync($"/v1/secrets/{secret}", new StringContent(value));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await Describe(response));
    }

    private async Task<string> InvokeOk(string name)
    {
        using var response = await Http.InvokeSync(name, "");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
        return await response.Content.ReadAsStringAsync();
    }

    private static string Sha256(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
