using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Compat.Mpcs;

/// <summary>MPCS FaaS's API over plain HTTP, on a real silo and the real dockerd, as its document describes it.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class MpcsApiTests(EmbeddedPlatformFixture platform)
{
    private HttpClient Http => platform.Http;

    [Fact]
    public async Task A_client_script_gets_numbers_strings_tuples_recursion_a_slow_task_and_an_exception_back_unchanged()
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Compat", "Mpcs", "mpcs_client.py"));
        start.ArgumentList.Add(new Uri(Http.BaseAddress!, MpcsHttp.Base).ToString());
        using var client = Process.Start(start)!;
        var output = client.StandardOutput.ReadToEndAsync();
        var error = client.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await client.WaitForExitAsync(patience.Token);

        Assert.True(client.ExitCode == 0, await output + await error);
        Assert.Equal(
            [
                "add: 5", "add: 2.75", "greet: 'Hello, Ada?'", "divmod_pair: (3, 2, [17, 5])", "fib: 610",
                "withdraw: FAILED, raised ValueError('cannot withdraw 20')", "unknown task: 404",
            ],
            (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !line.StartsWith("slow: ", StringComparison.Ordinal)));
        Assert.Matches("^slow: (QUEUED -> )?(RUNNING -> )?COMPLETED$", (await output).Split('\n').Single(line => line.StartsWith("slow: ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Register_answers_a_uuid_whose_function_is_a_pickled_python_function_and_execute_answers_its_task()
    {
        using var registered = await Http.RegisterFunction("double", Python.Pickle("lambda x: x * 2"));
        Assert.True(registered.StatusCode == HttpStatusCode.OK, await Describe(registered));
        var functionId = Guid.Parse((await registered.Json())["function_id"]!.GetValue<string>());

        var function = (await Http.GetFromJsonAsync<JsonObject>($"/v1/functions/mpcs-{functionId}"))!;
        Assert.Equal("python", function["runtime"]!.GetValue<string>());
        Assert.Equal("double", function["env"]!["MPCS_FUNCTION_NAME"]!.GetValue<string>());

        using var executed = await Http.ExecuteFunction(functionId.ToString(), Python.Pickle("((21,), {})"));
        Assert.True(executed.StatusCode == HttpStatusCode.OK, await Describe(executed));
        var taskId = (await executed.Json())["task_id"]!.GetValue<string>();
        await Http.WaitForTask(taskId);

        var status = (await Http.GetFromJsonAsync<JsonObject>($"{MpcsHttp.Base}/status/{taskId}"))!;
        Assert.Equal(taskId, status["task_id"]!.GetValue<string>());
        Assert.Equal("COMPLETED", status["status"]!.GetValue<string>());
        var result = (await Http.GetFromJsonAsync<JsonObject>($"{MpcsHttp.Base}/result/{taskId}"))!;
        Assert.Equal("COMPLETED", result["status"]!.GetValue<string>());
        Assert.Equal("42", Python.Unpickle(result["result"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("not base64 at all!", "not base64")]
    [InlineData("aGVsbG8=", "not of a pickle")]
    [InlineData("", "required")]
    public async Task A_payload_that_is_no_pickle_is_400_and_registers_nothing(string payload, string detail)
    {
        var before = await MpcsFunctionCount();

        using var response = await Http.RegisterFunction("broken", payload);

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains(detail, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await MpcsFunctionCount());
    }

    [Fact]
    public async Task A_pickle_that_does_not_load_is_400_with_the_python_error_as_detail()
    {
        // The shape of a pickle (it ends with STOP), but a truncated one: only unpickling it in a container finds out.
        var truncated = Convert.ToBase64String([.. Convert.FromBase64String(Python.Pickle("lambda x: x"))[..20], (byte)'.']);
        var before = await MpcsFunctionCount();

        using var response = await Http.RegisterFunction("truncated", truncated);

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("Error", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await MpcsFunctionCount());
    }

    [Theory]
    [InlineData("0b4a4f9e-3c1d-4c55-9a3e-8f7e2b1c0d99")]
    [InlineData("no-such-function")]
    public async Task Executing_an_unknown_function_is_404_with_detail(string functionId)
    {
        using var response = await Http.ExecuteFunction(functionId, Python.Pickle("((), {})"));

        var problem = await response.AssertProblem(HttpStatusCode.NotFound);
        Assert.Contains("not registered", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Executing_with_arguments_that_are_no_pickle_is_400_and_runs_nothing()
    {
        using var registered = await Http.RegisterFunction("identity", Python.Pickle("lambda x: x"));
        var functionId = (await registered.Json())["function_id"]!.GetValue<string>();
        var before = await Http.GetStringAsync($"/v1/executions?function=mpcs-{functionId}");

        using var response = await Http.ExecuteFunction(functionId, "%%%");

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("not base64", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await Http.GetStringAsync($"/v1/executions?function=mpcs-{functionId}"));
    }

    [Theory]
    [InlineData("status")]
    [InlineData("result")]
    public async Task An_unknown_task_and_a_task_of_no_mpcs_function_are_404_with_detail(string route)
    {
        var name = UniqueName("plain");
        await Http.RegisterOk(Cat(name));
        using var invoked = await Http.InvokeAsync(name, "x");
        var otherTask = (await invoked.Json())["taskId"]!.GetValue<string>();

        foreach (var id in new[] { Guid.NewGuid().ToString(), "not-a-uuid", otherTask })
        {
            using var response = await Http.GetAsync($"{MpcsHttp.Base}/{route}/{id}");
            var problem = await response.AssertProblem(HttpStatusCode.NotFound);
            Assert.Contains(id, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Its_routes_are_in_the_openapi_document_under_a_tag_of_their_own()
    {
        var paths = (await Http.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!["paths"]!.AsObject();

        foreach (var (path, method) in new[] { ("register_function", "post"), ("execute_function", "post"), ("status/{task_id}", "get"), ("result/{task_id}", "get") })
            Assert.Equal("Compat: MPCS FaaS", paths[$"{MpcsHttp.Base}/{path}"]![method]!["tags"]![0]!.GetValue<string>());
    }

    private async Task<int> MpcsFunctionCount() =>
        (await Http.GetFromJsonAsync<JsonArray>("/v1/functions"))!.Count(f => f!["name"]!.GetValue<string>().StartsWith("mpcs-", StringComparison.Ordinal));
}
