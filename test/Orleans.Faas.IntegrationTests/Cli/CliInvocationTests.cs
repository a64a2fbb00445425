using Orleans.Faas.IntegrationTests.Hosting;
using Orleans.Faas.IntegrationTests.Gateway;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Cli;

/// <summary><c>faas invoke</c>, <c>task</c> and <c>map</c>: bytes in through pipes and files, bytes out, and exit codes that say how it went.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class CliInvocationTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public async Task Invoke_pipes_standard_input_to_the_function_and_its_output_to_standard_output()
    {
        var name = await Upper();

        var run = await Faas("quiet please", "invoke", name);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("QUIET PLEASE"u8.ToArray(), run.Output);
    }

    [Fact]
    public async Task A_function_that_fails_ends_faas_with_1_and_its_reason()
    {
        var name = UniqueName("cli-false");
        await platform.Http.RegisterOk(new { name, runtime = "process", command = new[] { "/bin/false" } });

        var run = await Faas(null, "invoke", name, "--data", "anything");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Empty(run.Output);
        Assert.Contains("exit code", run.Errors);
    }

    [Fact]
    public async Task An_unknown_function_ends_faas_with_3()
    {
        var run = await Faas("input", "invoke", UniqueName("cli-missing"));

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.StartsWith("error:", run.Errors);
    }

    [Fact]
    public async Task An_async_invocation_prints_its_task_id_which_task_wait_and_result_follow()
    {
        var name = await Upper();

        var started = await Faas("later", "invoke", name, "--async");
        Assert.True(started.ExitCode == 0, started.ToString());
        var taskId = Guid.Parse(started.Text.Trim()).ToString();

        var waited = await Faas(null, "task", "wait", taskId, "--output", "json");
        Assert.True(waited.ExitCode == 0, waited.ToString());
        Assert.Equal("COMPLETED", waited.Json["status"]!.GetValue<string>());

        var result = await Faas(null, "task", "result", taskId);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("LATER", result.Text);
    }

    [Fact]
    public async Task An_invocation_with_a_deadline_shows_it_on_the_tasks_placement_and_a_bad_one_is_refused_naming_it()
    {
        var name = await Upper();

        var started = await Faas("soon", "invoke", name, "--async", "--deadline", "30");
        Assert.True(started.ExitCode == 0, started.ToString());
        var waited = await Faas(null, "task", "wait", started.Text.Trim(), "--output", "json");
        var refused = await Faas("never", "invoke", name, "--deadline", "0");
        var unreadable = await Faas("never", "invoke", name, "--deadline", "soon");

        Assert.True(waited.ExitCode == 0, waited.ToString());
        Assert.InRange(waited.Json["placement"]!["deadlineMs"]!.GetValue<double>(), 1, 30_000);
        Assert.NotNull(waited.Json["placement"]!["onTimeProbability"]);
        Assert.True(refused.ExitCode == 5, refused.ToString());
        Assert.Contains("deadlineSeconds", refused.Errors);
        Assert.True(unreadable.ExitCode == 2, unreadable.ToString());
        Assert.Contains("--deadline", unreadable.Errors);
    }

    [Fact]
    public async Task Map_writes_one_result_line_per_input_line_in_input_order()
    {
        var name = await Upper();
        var inputs = Path.Combine(Hosting.TestEnvironment.WorkFolder, $"inputs-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(inputs, ["alpha", "beta", "gamma", "delta", "epsilon"]);

        var run = await Faas(null, "map", name, "-i", inputs, "--max-in-flight", "3", "--order", "input");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("ALPHA\nBETA\nGAMMA\nDELTA\nEPSILON\n", run.Text);
    }

    private Task<ProgramRun> Faas(string? input, params string[] args) => FaasCli.Run(platform.Silo.GatewayUrl, input, args);

    private async Task<string> Upper()
    {
        var name = UniqueName("cli-upper");
        await platform.Http.RegisterOk(new { name, runtime = "process", command = new[] { "/usr/bin/tr", "a-z", "A-Z" } });
        return name;
    }
}
