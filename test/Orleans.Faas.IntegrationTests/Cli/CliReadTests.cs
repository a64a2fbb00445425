using Orleans.Faas.IntegrationTests.Hosting;
using System.Net;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Cli;

/// <summary>What an operator reads with faas: providers, the execution history, predictions and models, as JSON for scripts.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class CliReadTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public async Task Providers_ls_lists_the_node_as_json()
    {
        var run = await Faas("providers", "ls", "--output", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var node = Assert.Single(run.Json.AsArray(), p => p!["id"]!.GetValue<string>() == platform.Silo.Name)!;
        Assert.Equal("READY", node["status"]!.GetValue<string>());
        Assert.True(node["idleWarm"]!.GetValue<int>() >= 0);
        Assert.NotNull(node["keepAlive"]!.AsArray());
    }

    [Fact]
    public async Task Executions_stops_after_its_limit_newest_first()
    {
        var name = UniqueName("cli-history");
        var tasks = await ThreeRuns(name);

        var run = await Faas("executions", "--function", name, "--limit", "2", "--output", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([tasks[2], tasks[1]], run.Json.AsArray().Select(r => r!["taskId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Task_list_shows_a_function_s_finished_tasks_of_a_status_newest_first()
    {
        var name = UniqueName("cli-tasks");
        var tasks = await ThreeRuns(name);

        var run = await Faas("task", "list", "--function", name, "--status", "completed", "--limit", "2", "--output", "json");
        var failed = await Faas("task", "list", "--function", name, "--status", "failed", "--output", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([tasks[2], tasks[1]], run.Json.AsArray().Select(t => t!["id"]!.GetValue<string>()));
        Assert.True(failed.ExitCode == 0, failed.ToString());
        Assert.Empty(failed.Json.AsArray());
    }

    [Fact]
    public async Task Fn_versions_lists_a_function_s_versions_newest_first()
    {
        var name = UniqueName("cli-versions");
        await platform.Http.RegisterOk(Cat(name));
        await platform.Http.RegisterOk(new { name, runtime = "process", command = new[] { "/usr/bin/tr", "a-z", "A-Z" } });

        var run = await Faas("fn", "versions", name, "--output", "json");
        var unknown = await Faas("fn", "versions", UniqueName("nobody"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([2, 1], run.Json.AsArray().Select(v => v!["version"]!.GetValue<int>()));
        Assert.Equal("/usr/bin/tr", run.Json.AsArray()[0]!["command"]![0]!.GetValue<string>());
        Assert.True(unknown.ExitCode == 3, unknown.ToString());
    }

    [Fact]
    public async Task Predict_ranks_the_node_for_a_function()
    {
        var name = UniqueName("cli-predict");
        await platform.Http.RegisterOk(Cat(name));

        var table = await Faas("predict", name, "--input-size", "1000");
        var json = await Faas("predict", name, "--input-size", "1000", "--output", "json");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains(platform.Silo.Name, table.Text);
        Assert.Equal(1000, json.Json["inputSize"]!.GetValue<long>());
        Assert.Contains(json.Json["providers"]!.AsArray(), p => p!["provider"]!.GetValue<string>() == platform.Silo.Name);
        Assert.Contains("CORRECTION", table.Text);
        Assert.Contains("SPREAD", table.Text);
        Assert.All(json.Json["providers"]!.AsArray(), p => Assert.True(p!["runtimeSpread"]!.GetValue<double>() >= 1 && p["expectedRuntimeMs"]!.GetValue<double>() > 0));
    }

    [Fact]
    public async Task Models_ls_shows_the_models_and_their_training()
    {
        var table = await Faas("models", "ls");
        var json = await Faas("models", "ls", "--limit", "5", "--output", "json");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("training", table.Text);
        Assert.NotNull(json.Json["training"]);
    }

    /// <summary>Registers <paramref name="name"/> as a cat and runs it three times; the tasks' ids, oldest first.</summary>
    private async Task<List<string>> ThreeRuns(string name)
    {
        await platform.Http.RegisterOk(Cat(name));
        var tasks = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await platform.Http.InvokeSync(name, $"run {i}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
            tasks.Add(response.Headers.GetValues("X-Faas-Task-Id").Single());
        }
        return tasks;
    }

    private Task<ProgramRun> Faas(params string[] args) => FaasCli.Run(platform.Silo.GatewayUrl, null, args);
}
