using Orleans.Faas.IntegrationTests.Hosting;

namespace Orleans.Faas.IntegrationTests.Cli;

/// <summary>faas's exit codes for mistakes that never reach a platform: a wrong command line and a gateway that is not there.</summary>
public sealed class CliUsageTests
{
    [Theory]
    [InlineData("fn", "get")]
    [InlineData("invoke", "upper", "--wait")]
    [InlineData("executions", "--limit", "zero")]
    [InlineData("task", "list", "--status", "sleeping")]
    [InlineData("--output", "yaml", "providers", "ls")]
    public async Task A_wrong_command_line_ends_faas_with_2(params string[] args)
    {
        var run = await FaasCli.Run(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Empty(run.Output);
        Assert.NotEmpty(run.Errors);
    }

    [Fact]
    public async Task A_gateway_that_does_not_answer_ends_faas_with_4()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePorts.Next()}");

        var run = await FaasCli.Run(closed, null, "fn", "ls");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("did not answer", run.Errors);
    }
}
