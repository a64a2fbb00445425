using System.Net.Http.Json;
using System.Text.Json.Nodes;
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
    public async Task A_python_function_deploys_from_its_py_file_beside_the_stack_file_and_a_changed_file_makes_a_new_version()
    {
        var name = UniqueName("cli-py");
        var stack = StackFile($"""
            functions:
              {name}:
                runtime: python
                codeFile: greeter.py
                entryPoint: greet
            """);
        var code = Path.Combine(Path.GetDirectoryName(stack)!, "greeter.py");
        await File.WriteAllTextAsync(code, "def greet(who):\n    return {'hello': who}\n");

        var first = await Deploy(stack);
        var again = await Deploy(stack);
        var invoked = await FaasCli.Run(platform.Silo.GatewayUrl, "\"Ada\"", "invoke", name);
        await File.WriteAllTextAsync(code, "def greet(who):\n    return {'hi': who}\n");
        var changed = await Deploy(stack);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains($"{name}: created v1", first.Text);
        Assert.Contains($"{name}: unchanged v1", again.Text);
        Assert.True(invoked.ExitCode == 0, invoked.ToString());
        Assert.Equal("""{"hello": "Ada"}""", invoked.Text.Trim());
        Assert.True(changed.ExitCode == 0, changed.ToString());
        Assert.Contains($"{name}: updated v1 → v2", changed.Text);
        Assert.Contains("code:", changed.Text);
    }

    [Fact]
    public async Task A_stack_files_triggers_are_created_after_its_functions_then_unchanged_then_replaced()
    {
        var (function, trigger) = (UniqueName("cli-beat"), UniqueName("cli-every"));
        var stack = StackFile($"""
            functions:
              {function}:
                runtime: process
                command: [/bin/cat]
            triggers:
              {trigger}:
                function: {function}
                schedule: "0 0 7 * * 1-5"
                timeZone: Europe/Berlin
                catchUp: none
                input: good morning
            """);

        var first = await Deploy(stack);
        var second = await Deploy(stack, "--output", "json");
        await File.WriteAllTextAsync(stack, (await File.ReadAllTextAsync(stack)).Replace("good morning", "good day"));
        var third = await Deploy(stack);
        var shown = await FaasCli.Run(platform.Silo.GatewayUrl, null, "trigger", "show", trigger, "-o", "json");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains($"{function}: created v1\ntrigger {trigger}: created", first.Text.ReplaceLineEndings("\n"));
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(trigger, second.Json[1]!["trigger"]!.GetValue<string>());
        Assert.Equal(["UNCHANGED", "UNCHANGED"], second.Json.AsArray().Select(o => o!["change"]!.GetValue<string>()));
        Assert.Contains($"trigger {trigger}: updated", third.Text);
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Equal(("good day", "none", "Europe/Berlin"),
            (shown.Json["input"]!.GetValue<string>(), shown.Json["catchUp"]!.GetValue<string>(), shown.Json["timeZone"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_retry_policy_in_a_stack_file_is_registered_and_a_change_to_it_is_a_new_version()
    {
        var name = UniqueName("cli-retry");
        var stack = StackFile($"""
            functions:
              {name}:
                runtime: process
                command: [/bin/false]
                retry:
                  maxAttempts: 3
                  backoffSeconds: 2
                  on:
                    exitCodes: [1]
            """);

        var first = await Deploy(stack);
        Assert.True(first.ExitCode == 0, first.ToString());
        var registered = (await platform.Http.GetFromJsonAsync<JsonObject>($"/v1/functions/{name}"))!["retry"]!;
        Assert.Equal((3, 2.0), (registered["maxAttempts"]!.GetValue<int>(), registered["backoffSeconds"]!.GetValue<double>()));
        Assert.Equal([1], registered["on"]!["exitCodes"]!.AsArray().Select(c => c!.GetValue<int>()));
        Assert.Equal("UNCHANGED", (await Deploy(stack, "--output", "json")).Json[0]!["change"]!.GetValue<string>());

        await File.WriteAllTextAsync(stack, (await File.ReadAllTextAsync(stack)).Replace("backoffSeconds: 2", "backoffSeconds: 5"));
        var changed = await Deploy(stack, "--output", "json");
        Assert.True(changed.ExitCode == 0, changed.ToString());
        Assert.Equal("retry", Assert.Single(changed.Json[0]!["changes"]!.AsArray())!["field"]!.GetValue<string>());
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

    /// <summary>A stack file in a folder of its own, for the files beside it.</summary>
    private static string StackFile(string yaml)
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(TestEnvironment.WorkFolder, $"stack-{Guid.NewGuid():N}")).FullName, "functions.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
