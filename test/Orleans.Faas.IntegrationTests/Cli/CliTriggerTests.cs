using Orleans.Faas.IntegrationTests.Gateway;
using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Cli;

/// <summary>faas trigger from the shell: created, listed, shown with its firings, deleted once; a bad one refused by field.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class CliTriggerTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public async Task A_schedule_is_created_listed_shown_firing_and_deleted()
    {
        var function = UniqueName("cli-tick");
        await platform.Http.RegisterOk(Cat(function));
        var name = UniqueName("cli-trigger");

        var created = await Faas("trigger", "create", name, "--function", function, "--schedule", "* * * * * *", "--catch-up", "all", "--input", "hi");
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains($"{name}: created", created.Errors + created.Text);
        var refused = await Faas("trigger", "create", name, "--function", function, "--mqtt-url", "http://broker", "--topic", "lab/#/x");
        Assert.Equal(5, refused.ExitCode);
        Assert.Contains("mqtt.url", refused.Errors);
        Assert.Contains("mqtt.topic", refused.Errors);

        var listed = await Faas("trigger", "list", "-o", "json");
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Contains(listed.Json.AsArray(), t => t!["name"]!.GetValue<string>() == name && t["catchUp"]!.GetValue<string>() == "all");
        await Poll.UntilAsync(async () => (await Faas("trigger", "show", name, "-o", "json")).Json["status"]!["fired"]!.GetValue<int>() >= 2,
            Patience, "the trigger to fire twice as faas shows it");
        var shown = await Faas("trigger", "show", name);
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains("status.lastFiring.taskId", shown.Text);

        Assert.Equal(0, (await Faas("trigger", "delete", name)).ExitCode);
        Assert.Equal(3, (await Faas("trigger", "delete", name)).ExitCode);
    }

    private Task<ProgramRun> Faas(params string[] args) => FaasCli.Run(platform.Silo.GatewayUrl, null, args);
}
