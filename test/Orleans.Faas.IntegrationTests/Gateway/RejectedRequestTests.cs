using System.Net;
using System.Text;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Gateway;

/// <summary>Every bad request gets a problem response and leaves the platform exactly as it was.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class RejectedRequestTests(EmbeddedPlatformFixture platform)
{
    private HttpClient Http => platform.Http;

    [Theory]
    [InlineData("{\"name\": \"broken\",")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[1, 2]")]
    [InlineData("{\"name\": \"typo\", \"image\": \"x\", \"timeout\": 5}")]
    [InlineData("{\"name\": \"bad-runtime\", \"image\": \"x\", \"runtime\": \"kubernetes\"}")]
    public async Task Malformed_json_is_a_400_problem_and_changes_nothing(string body)
    {
        var before = await Http.FunctionsSnapshot();

        using var response = await Http.PostAsync("/v1/functions", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal(before, await Http.FunctionsSnapshot());
    }

    [Fact]
    public async Task An_invalid_definition_is_a_400_problem_naming_each_bad_field_and_changes_nothing()
    {
        var before = await Http.FunctionsSnapshot();

        using var response = await Http.Register(new { name = "Bad Name", image = "", cpu = -1, memoryMiB = -1, timeoutSeconds = 0 });

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        var fields = problem["errors"]!.AsObject().Select(e => e.Key).Order();
        Assert.Equal(["cpu", "image", "memoryMiB", "name", "timeoutSeconds"], fields);
        Assert.Equal(before, await Http.FunctionsSnapshot());
    }

    [Fact]
    public async Task Unknown_functions_are_404_problems()
    {
        var name = UniqueName("ghost");

        await (await Http.GetAsync($"/v1/functions/{name}")).AssertProblem(HttpStatusCode.NotFound);
        await (await Http.DeleteAsync($"/v1/functions/{name}")).AssertProblem(HttpStatusCode.NotFound);
        await (await Http.InvokeAsync(name, "x")).AssertProblem(HttpStatusCode.NotFound);
        await (await Http.InvokeSync(name, "x")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_tasks_are_404_problems()
    {
        var id = Guid.NewGuid();

        await (await Http.GetAsync($"/v1/tasks/{id}")).AssertProblem(HttpStatusCode.NotFound);
        await (await Http.GetAsync($"/v1/tasks/{id}/result")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_input_over_the_payload_limit_is_a_413_problem_and_queues_nothing()
    {
        var name = UniqueName("big-input");
        await Http.RegisterOk(Hello(name));
        // As curl does for large bodies: ask first, so the 413 arrives before the body is sent.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/functions/{name}/invocations")
        {
            Content = new ByteArrayContent(new byte[(6 * 1024 * 1024) + 1]),
        };
        request.Headers.ExpectContinue = true;

        using var response = await Http.SendAsync(request);

        await response.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(await platform.ContainersOf(name));
    }

    [Fact]
    public async Task An_input_just_under_the_limit_is_accepted()
    {
        var name = UniqueName("big-ok");
        await Http.RegisterOk(Hello(name, 30, "/bin/wc", "-c"));

        using var response = await Http.PostAsync($"/v1/functions/{name}/invoke", new ByteArrayContent(new byte[6 * 1024 * 1024]));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
        Assert.Equal((6 * 1024 * 1024).ToString(), (await response.Content.ReadAsStringAsync()).Trim());
    }

    [Fact]
    public async Task The_result_of_an_unfinished_task_is_a_409_problem()
    {
        var name = UniqueName("unfinished");
        await Http.RegisterOk(Hello(name, 30, "/bin/sleep", "3"));
        using var accepted = await Http.InvokeAsync(name, "");
        var taskId = (await accepted.Json())["taskId"]!.GetValue<string>();

        var problem = await (await Http.GetAsync($"/v1/tasks/{taskId}/result")).AssertProblem(HttpStatusCode.Conflict);

        Assert.Equal(taskId, problem["taskId"]!.GetValue<string>());
        await Http.WaitForTask(taskId);
    }
}
