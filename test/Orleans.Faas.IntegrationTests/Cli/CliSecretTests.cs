using Orleans.Faas.IntegrationTests.Gateway;
using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Cli;

/// <summary>faas secret from the shell: set from standard input or a file, listed without values, removed once.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class CliSecretTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public async Task A_secret_is_set_replaced_listed_without_its_value_and_removed()
    {
        var name = UniqueName("cli-secret");
        const string value = "shell-secret-value-4821";
        var file = Path.Combine(TestEnvironment.WorkFolder, $"{name}.txt");
        await File.WriteAllTextAsync(file, value + "-replaced");

        var created = await Faas(value, "secret", "set", name);
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains("created", created.Errors + created.Text);
        var replaced = await Faas(null, "secret", "set", name, "--from-file", file);
        Assert.True(replaced.ExitCode == 0, replaced.ToString());
        Assert.Contains("replaced", replaced.Errors + replaced.Text);

        var listed = await Faas(null, "secret", "ls", "-o", "json");
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Contains(listed.Json.AsArray(), s => s!["name"]!.GetValue<string>() == name);
        Assert.DoesNotContain(value, listed.Text);

        Assert.Equal(0, (await Faas(null, "secret", "rm", name)).ExitCode);
        Assert.Equal(3, (await Faas(null, "secret", "rm", name)).ExitCode);
    }

    private Task<ProgramRun> Faas(string? input, params string[] args) => FaasCli.Run(platform.Silo.GatewayUrl, input, args);
}
