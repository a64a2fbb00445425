using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Compat.Fsched;

/// <summary>
/// Fsched's master API from its README, over plain HTTP against the embedded silo and real dockerd: a task file
/// uploaded, run by a shell and by Python in the node's own image, benchmarked, run again on its profile; the workers.
/// </summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class FschedTests(EmbeddedPlatformFixture platform)
{
    private const string Api = "/compat/fsched";

    private HttpClient Http => platform.Http;

    private Task<HttpResponseMessage> Post(string path, object body) => Http.PostAsJsonAsync(Api + path, body);

    private async Task<string> NewTask(string fileName, string content)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "file", fileName } };
        using var response = await Http.PostAsync($"{Api}/controller/task/new", form);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
        return (await response.Json())["task_id"]!.GetValue<string>();
    }

    /// <summary>The run's answer, and its task once finished (the answer waits only the gateway's short sync wait).</summary>
    private async Task<(JsonObject Answer, JsonObject Task)> Run(string command, string taskId, long inputSize)
    {
        using var response = await Post("/controller/task/run", new { command, task_id = taskId, input_size = inputSize });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
        var answer = await response.Json();
        return (answer, await Http.WaitForTask(answer["run_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_shell_task_runs_unprofiled_then_benchmarked_runs_on_its_profile()
    {
        var task = await NewTask("task.sh", "echo \"sh in $PWD with\" *\npython3 -c 'print(6 * 7)'\n");

        var (first, firstRun) = await Run("sh task.sh", task, 1024);
        Assert.Equal(task, first["task_id"]!.GetValue<string>());
        // Unprofiled, it is placed without a prediction, or by the runtime model when one was trained (in this shared
        // platform, other tests may have trained one): never by a profile it does not have.
        Assert.Contains(first["execution_mode"]!["predicted_by"]!.GetValue<string>(), new[] { "no data", "model" });
        Assert.Equal(1024, first["execution_mode"]!["input_size"]!.GetValue<long>());
        Assert.True(firstRun["status"]!.GetValue<string>() == "COMPLETED", firstRun.ToJsonString());
        var output = await Http.GetStringAsync($"/v1/tasks/{firstRun["id"]}/result");
        Assert.Equal("sh in /.faas/code with task.sh\n42\n", output);

        using var benchmarked = await Post("/controller/task/benchmark", new { command = "sh task.sh", task_id = task, input_size = 1024 });
        Assert.True(benchmarked.StatusCode == HttpStatusCode.OK, await Describe(benchmarked));
        var benchmark = await benchmarked.Json();
        Assert.Equal("Benchmarking was successful and task is ready for execution", benchmark["message"]!.GetValue<string>());
        Assert.Equal(1024, benchmark["exec_time"]!["input_size"]!.GetValue<long>());
        Assert.Matches("^[0-9]+ms$", benchmark["exec_time"]!["time"]!.GetValue<string>());

        var (second, secondRun) = await Run("sh task.sh", task, 1024);
        Assert.Contains(second["execution_mode"]!["predicted_by"]!.GetValue<string>(), new[] { "profile", "model" });
        Assert.NotNull(second["execution_mode"]!["predicted_runtime_ms"]);
        Assert.Equal("COMPLETED", secondRun["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_python_task_finds_its_file_in_its_working_folder()
    {
        var task = await NewTask("task.py", "import os\nprint(sorted(os.listdir('.')), os.getcwd())\n");

        var (_, run) = await Run("python3 task.py", task, 10);

        Assert.True(run["status"]!.GetValue<string>() == "COMPLETED", run.ToJsonString());
        Assert.Equal("['task.py'] /.faas/code\n", await Http.GetStringAsync($"/v1/tasks/{run["id"]}/result"));
    }

    [Fact]
    public async Task Missing_files_and_keys_are_400_naming_them_and_unknown_tasks_404()
    {
        var before = await Http.FunctionsSnapshot();
        using (var empty = new MultipartFormDataContent { { new StringContent("x"), "other" } })
            Assert.Contains("'file'", (await (await Http.PostAsync($"{Api}/controller/task/new", empty)).AssertProblem(HttpStatusCode.BadRequest))["detail"]!.GetValue<string>());
        using (var json = new StringContent("{}", Encoding.UTF8, "application/json"))
            Assert.Contains("'file'", (await (await Http.PostAsync($"{Api}/controller/task/new", json)).AssertProblem(HttpStatusCode.BadRequest))["detail"]!.GetValue<string>());
        foreach (var (body, key) in new (object, string)[]
        {
            (new { task_id = "t", input_size = 1 }, "command"),
            (new { command = "sh task.sh", input_size = 1 }, "task_id"),
            (new { command = "sh task.sh", task_id = "t" }, "input_size"),
        })
        {
            foreach (var path in new[] { "/controller/task/run", "/controller/task/benchmark" })
                Assert.Contains($"'{key}'", (await (await Post(path, body)).AssertProblem(HttpStatusCode.BadRequest))["detail"]!.GetValue<string>());
        }
        await (await Post("/controller/task/run", new { command = "sh task.sh", task_id = "task123", input_size = 1024 })).AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(before, await Http.FunctionsSnapshot());
    }

    [Fact]
    public async Task The_workers_are_the_silos_in_membership_and_a_host_without_one_is_told_how_a_node_joins()
    {
        var workers = (await Http.GetFromJsonAsync<JsonObject>($"{Api}/cluster/workers"))!["workers"]!.AsArray();
        var worker = Assert.Single(workers)!;
        var host = worker["host"]!.GetValue<string>();

        var present = await (await Post("/cluster/worker/add", new { host })).Json();
        Assert.Equal(worker["id"]!.GetValue<string>(), present["id"]!.GetValue<string>());

        var absent = await (await Post("/cluster/worker/add", new { host = "192.0.2.10" })).AssertProblem(HttpStatusCode.NotFound);
        Assert.Contains("Faas__Mode=Cluster", absent["detail"]!.GetValue<string>());
        Assert.Contains("'host'", (await (await Post("/cluster/worker/add", new { })).AssertProblem(HttpStatusCode.BadRequest))["detail"]!.GetValue<string>());
        Assert.Single((await Http.GetFromJsonAsync<JsonObject>($"{Api}/cluster/workers"))!["workers"]!.AsArray());
    }
}
