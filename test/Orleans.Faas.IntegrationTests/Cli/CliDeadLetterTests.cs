using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Faas.IntegrationTests.Gateway;
using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Cli;

/// <summary>faas dead-letters from the shell: listed, shown with every run, replayed one by one or all, deleted once.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class CliDeadLetterTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public async Task Dead_letters_are_listed_shown_replayed_and_deleted()
    {
        var name = UniqueName("cli-dead");
        await platform.Http.RegisterOk(new { name, runtime = "process", command = new[] { "/bin/sh", "-c", "cat > /dev/null; exit 3" }, retry = new { maxAttempts = 2, backoffSeconds = 0 } });
        var tasks = new List<string>();
        foreach (var input in new[] { "one", "two", "three" })
        {
            using var response = await platform.Http.InvokeAsync(name, input);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, await Describe(response));
            tasks.Add((await platform.Http.WaitForTask((await response.Json())["taskId"]!.GetValue<string>()))["id"]!.GetValue<string>());
        }

        var listed = await Faas("dead-letters", "list", name, "--limit", "2", "--output", "json");
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Equal([tasks[2], tasks[1]], listed.Json.AsArray().Select(l => l!["id"]!.GetValue<string>()));

        var shown = await Faas("dead-letters", "show", name, tasks[0]);
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains("exit code", shown.Text);
        Assert.Equal(2, shown.Text.Split('\n').Count(line => line.Contains("FAILED")));

        await platform.Http.RegisterOk(Cat(name));
        var replayed = await Faas("dead-letters", "replay", name, tasks[0], "--output", "json");
        Assert.True(replayed.ExitCode == 0, replayed.ToString());
        var replayTask = replayed.Json.AsArray().Single()!["taskId"]!.GetValue<string>();
        Assert.Equal("COMPLETED", (await platform.Http.WaitForTask(replayTask))["status"]!.GetValue<string>());

        Assert.Equal(0, (await Faas("dead-letters", "delete", name, tasks[1])).ExitCode);
        Assert.Equal(3, (await Faas("dead-letters", "delete", name, tasks[1])).ExitCode);
        Assert.Equal(2, (await Faas("dead-letters", "replay", name)).ExitCode);
        var all = await Faas("dead-letters", "replay", name, "--all", "--output", "json");
        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Equal(tasks[2], all.Json.AsArray().Single()!["deadLetterId"]!.GetValue<string>());
        Assert.Empty((await platform.Http.GetFromJsonAsync<JsonArray>($"/v1/functions/{name}/dead-letters"))!);
    }

    private Task<ProgramRun> Faas(params string[] args) => FaasCli.Run(platform.Silo.GatewayUrl, null, args);
}
