using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Gateway;
using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Cli;

/// <summary><c>faas chain</c>: define, list, read, run with standard input, follow a run, and delete.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class CliChainTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public async Task A_chain_defined_from_the_command_line_runs_standard_input_through_its_steps()
    {
        var (upper, reverse) = (UniqueName("cli-upper"), UniqueName("cli-rev"));
        await platform.Http.RegisterOk(new { name = upper, runtime = "process", command = new[] { "/usr/bin/tr", "a-z", "A-Z" } });
        await platform.Http.RegisterOk(new { name = reverse, runtime = "process", command = new[] { "/usr/bin/rev" } });
        var chain = UniqueName("cli-chain");

        var defined = await Faas(null, "chain", "define", chain, upper, reverse, "--output", "json");
        Assert.True(defined.ExitCode == 0, defined.ToString());
        Assert.Equal(1, defined.Json["version"]!.GetValue<int>());
        Assert.Contains($"{chain}: defined v1", defined.Errors);
        Assert.Contains(chain, (await Faas(null, "chain", "ls")).Text);
        Assert.Contains(reverse, (await Faas(null, "chain", "get", chain)).Text);
        var secret = await Faas(null, "chain", "secret", chain);
        Assert.True(secret.ExitCode == 0, secret.ToString());
        var shown = (await platform.Http.GetFromJsonAsync<JsonObject>($"/v1/chains/{chain}/callback-secret"))!["callbackSecret"]!.GetValue<string>();
        Assert.Equal(shown, secret.Text.Trim());

        var waited = await Faas("stressed", "chain", "run", chain, "--wait");
        Assert.True(waited.ExitCode == 0, waited.ToString());
        Assert.Equal("DESSERTS", waited.Text);

        var started = await Faas("later", "chain", "run", chain);
        Assert.True(started.ExitCode == 0, started.ToString());
        var id = Guid.Parse(started.Text.Trim()).ToString();
        await platform.Http.GetAsync($"/v1/chains/{chain}/runs/{id}?waitSeconds=20");
        var read = await Faas(null, "chain", "run-get", chain, id, "--output", "json");
        Assert.True(read.ExitCode == 0, read.ToString());
        Assert.Equal("COMPLETED", read.Json["status"]!.GetValue<string>());
        Assert.Equal("RETAL", read.Json["output"]!.GetValue<string>());
        Assert.Contains("RETAL", (await Faas(null, "chain", "run-get", chain, id)).Text);

        Assert.Equal(0, (await Faas(null, "chain", "rm", chain)).ExitCode);
        Assert.Equal(3, (await Faas(null, "chain", "get", chain)).ExitCode);
    }

    [Fact]
    public async Task A_failing_run_ends_faas_with_1_and_names_the_step_and_a_bad_definition_with_5()
    {
        var broken = UniqueName("cli-false");
        await platform.Http.RegisterOk(new { name = broken, runtime = "process", command = new[] { "/bin/false" } });
        var chain = UniqueName("cli-fails");
        Assert.Equal(0, (await Faas(null, "chain", "define", chain, broken)).ExitCode);

        var run = await Faas(null, "chain", "run", chain, "--data", "x", "--wait");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Empty(run.Output);
        Assert.Contains($"step 0 ({broken}) failed", run.Errors);
        var refused = await Faas(null, "chain", "define", chain, "Not_A_Function");
        Assert.True(refused.ExitCode == 5, refused.ToString());
    }

    private Task<ProgramRun> Faas(string? input, params string[] args) => FaasCli.Run(platform.Silo.GatewayUrl, input, args);
}
