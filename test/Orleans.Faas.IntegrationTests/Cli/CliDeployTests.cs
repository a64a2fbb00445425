using Orleans.Faas.IntegrationTests.Gateway;
using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Cli;

/// <summary><c>faas deploy</c>: a stack file applied to the real platform, as often as one likes.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class CliDeployTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public async Task Deploying_a_stack_file_twice_creates_its_functions_then_changes_nothing()
    {
        var (upper, failing) = (UniqueName("cli-upper"), UniqueName("cli-false"));
        var stack = StackFile($"""
            functions:
              {upper}:
                runtime: process
                command: [/usr/bin/tr, a-z, A-Z]
                env:
                  MODE: loud
              {failing}:
                runtime: process
                command: [/bin/false]
            """);

        var first = await Deploy(stack);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains($"{upper}: created v1", first.Text);
        Assert.Contains($"{failing}: created v1", first.Text);

        var second = await Deploy(stack, "--output", "json");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal([upper, failing], second.Json.AsArray().Select(o => o!["name"]!.GetValue<string>()));
        Assert.All(second.Json.AsArray(), o =>
        {
            Assert.Equal("UNCHANGED", o!["change"]!.GetValue<string>());
            Assert.Equal(1, o["version"]!.GetValue<int>());
        });

        await File.WriteAllTextAsync(stack, (await File.ReadAllTextAsync(stack)).Replace("MODE: loud", "MODE: louder"));
        var third = await Deploy(stack, "--output", "json");
        Assert.True(third.ExitCode == 0, third.ToString());
        var updated = third.Json[0]!;
        Assert.Equal("UPDATED", updated["change"]!.GetValue<string>());
        Assert.Equal((1, 2), (updated["previousVersion"]!.GetValue<int>(), updated["version"]!.GetValue<int>()));
        Assert.Equal("env", Assert.Single(updated["changes"]!.AsArray())!["field"]!.GetValue<string>());
        Assert.Equal("UNCHANGED", third.Json[1]!["change"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stack_file_with_an_unknown_key_is_a_usage_error_that_names_it()
    {
        var name = UniqueName("cli-typo");
        var run = await Deploy(StackFile($"functions:\n  {name}:\n    runtime: process\n    comand: [/bin/cat]\n"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("unknown key 'comand'", run.Errors);
        Assert.True((await FaasCli.Run(platform.Silo.GatewayUrl, null, "fn", "get", name)).ExitCode == 3, "Nothing of a rejected stack file is registered.");
    }

    private Task<ProgramRun> Deploy(string stack, params string[] more) => FaasCli.Run(platform.Silo.GatewayUrl, null, ["deploy", "-f", stack, .. more]);

    private static string StackFile(string yaml)
    {
        var path = Path.Combine(TestEnvironment.WorkFolder, $"stack-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
