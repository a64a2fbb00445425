using Orleans.Faas.IntegrationTests.Gateway;
using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Cli;

/// <summary><c>faas batch</c> and <c>faas fn secret</c>: one request for many inputs, results in input order, the callback key.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class CliBatchTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public async Task Batch_start_with_wait_writes_one_result_line_per_input_in_input_order()
    {
        var name = await Upper();
        var inputs = await Lines("alpha", "beta", "gamma", "delta");

        var run = await Faas("batch", "start", name, "-i", inputs, "--wait");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("ALPHA\nBETA\nGAMMA\nDELTA\n", run.Text);
    }

    [Fact]
    public async Task Batch_start_prints_the_id_that_batch_get_and_results_follow()
    {
        var name = await Upper();
        var inputs = await Lines("one", "two");

        var started = await Faas("batch", "start", name, "-i", inputs);
        Assert.True(started.ExitCode == 0, started.ToString());
        var batchId = Guid.Parse(started.Text.Trim()).ToString();
        await Batches.BatchHttp.WaitForBatch(platform.Http, batchId, TimeSpan.FromMinutes(1));

        var got = await Faas("batch", "get", batchId, "--output", "json");
        Assert.True(got.ExitCode == 0, got.ToString());
        Assert.Equal(2, got.Json["counts"]!["completed"]!.GetValue<int>());

        var results = await Faas("batch", "results", batchId);
        Assert.True(results.ExitCode == 0, results.ToString());
        Assert.Equal("ONE\nTWO\n", results.Text);
    }

    [Fact]
    public async Task Batch_results_ends_with_1_when_an_input_failed_and_fn_secret_prints_the_callback_key()
    {
        var name = UniqueName("cli-batch-false");
        using var registered = await platform.Http.Register(new { name, runtime = "process", command = new[] { "/bin/false" } });
        var secret = (await registered.Json())["callbackSecret"]!.GetValue<string>();

        var run = await Faas("batch", "start", name, "-i", await Lines("x"), "--wait");
        var shown = await Faas("fn", "secret", name);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("exit code", run.Errors);
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Equal(secret, shown.Text.Trim());
    }

    private Task<ProgramRun> Faas(params string[] args) => FaasCli.Run(platform.Silo.GatewayUrl, null, args);

    private static async Task<string> Lines(params string[] lines)
    {
        var path = Path.Combine(TestEnvironment.WorkFolder, $"batch-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(path, lines);
        return path;
    }

    private async Task<string> Upper()
    {
        var name = UniqueName("cli-batch");
        await platform.Http.RegisterOk(new { name, runtime = "process", command = new[] { "/usr/bin/tr", "a-z", "A-Z" } });
        return name;
    }
}
