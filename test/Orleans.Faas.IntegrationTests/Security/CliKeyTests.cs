using Orleans.Faas.IntegrationTests.Cli;
using Orleans.Faas.IntegrationTests.Hosting;

namespace Orleans.Faas.IntegrationTests.Security;

/// <summary>faas with keys: login checks and keeps a key in an owner-only config file, keys are made and revoked from the shell.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Collection(SecuredSiloCollection.Name)]
public sealed class CliKeyTests(SecuredSiloFixture platform)
{
    private readonly Dictionary<string, string> _home = new() { ["XDG_CONFIG_HOME"] = Path.Combine(TestEnvironment.WorkFolder, $"faas-home-{Guid.NewGuid():N}") };

    private string ConfigFile => Path.Combine(_home["XDG_CONFIG_HOME"], "faas", "config.yaml");

    private Task<ProgramRun> Faas(params string[] args) => FaasCli.Run(["--gateway", platform.Silo.GatewayUrl.ToString(), .. args], settings: _home);

    [Fact]
    public async Task Login_checks_the_key_and_keeps_it_for_the_owner_alone_and_logout_forgets_it()
    {
        var key = await platform.Key("developer", "cli-team");

        var refused = await FaasCli.Run(["--gateway", platform.Silo.GatewayUrl.ToString(), "login", "--key", "faas_0000_" + new string('x', 43)], settings: _home);
        Assert.Equal(5, refused.ExitCode);
        Assert.False(File.Exists(ConfigFile));

        var login = await FaasCli.Run(["--gateway", platform.Silo.GatewayUrl.ToString(), "login"], input: key + "\n", settings: _home);
        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ConfigFile));
        Assert.Contains("developer", login.Errors);
        Assert.DoesNotContain(key, login.Errors + login.Text);

        var whoami = await FaasCli.Run(["whoami", "-o", "json"], settings: _home);
        Assert.True(whoami.ExitCode == 0, whoami.ToString());
        Assert.Equal("cli-team", whoami.Json["namespace"]!.GetValue<string>());

        Assert.Equal(0, (await Faas("logout")).ExitCode);
        Assert.Equal(5, (await Faas("fn", "ls")).ExitCode);
    }

    [Fact]
    public async Task An_admin_creates_lists_and_revokes_keys_from_the_shell()
    {
        var admin = new Dictionary<string, string>(_home) { ["FAAS_API_KEY"] = platform.AdminKey };
        string[] gateway = ["--gateway", platform.Silo.GatewayUrl.ToString()];

        var created = await FaasCli.Run([.. gateway, "keys", "create", "shell-made", "--role", "invoker", "--namespaces", "a", "b"], settings: admin);
        Assert.True(created.ExitCode == 0, created.ToString());
        var key = created.Text.Trim();
        Assert.StartsWith("faas_", key);
        var listed = await FaasCli.Run([.. gateway, "keys", "ls", "-o", "json"], settings: admin);
        var entry = listed.Json.AsArray().Single(k => k!["name"]!.GetValue<string>() == "shell-made")!;
        Assert.Equal(["a", "b"], entry["namespaces"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Null(entry["key"]);

        var asInvoker = new Dictionary<string, string>(_home) { ["FAAS_API_KEY"] = key };
        Assert.Equal(0, (await FaasCli.Run([.. gateway, "whoami"], settings: asInvoker)).ExitCode);
        Assert.Equal(0, (await FaasCli.Run([.. gateway, "keys", "revoke", entry["id"]!.GetValue<string>()], settings: admin)).ExitCode);
        Assert.Equal(5, (await FaasCli.Run([.. gateway, "whoami"], settings: asInvoker)).ExitCode);
    }
}
