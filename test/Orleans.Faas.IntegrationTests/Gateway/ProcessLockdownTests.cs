using System.Net;
using System.Text.Json;
using Orleans.Faas.IntegrationTests.Hosting;
using static Orleans.Faas.IntegrationTests.Gateway.FaasHttp;

namespace Orleans.Faas.IntegrationTests.Gateway;

/// <summary>
/// What a process function can learn of its node, tried as an attacker would on the embedded default (process runtime
/// on): a silo whose environment and whose appsettings (mode 0600) hold a PostgreSQL password.
/// </summary>
public sealed class ProcessLockdownTests : IAsyncLifetime
{
    private readonly string _environmentPassword = $"env-secret-{Guid.NewGuid():N}";
    private readonly string _filePassword = $"file-secret-{Guid.NewGuid():N}";
    private readonly string _environmentName = $"Lockdown{Guid.NewGuid():N}";
    private readonly SiloPorts _ports = SiloPorts.For("lockdown-node");
    private FaasProcess? _silo;

    private FaasProcess Silo => _silo!;

    /// <summary>The silo's own appsettings for this test's environment, beside its binary, readable by root only.</summary>
    private string SettingsPath => Path.Combine(Path.GetDirectoryName(Checkout.Built("src/Orleans.Faas.Silo", "Orleans.Faas.Silo"))!, $"appsettings.{_environmentName}.json");

    public async Task InitializeAsync()
    {
        var settings = new { Faas = new { Postgres = $"Host=127.0.0.1;Username=faas;Password={_filePassword};Database=faas" } };
        await File.WriteAllTextAsync(SettingsPath, JsonSerializer.Serialize(settings));
        Assert.Equal(0, (await Programs.Run("chmod", ["0600", SettingsPath])).ExitCode);
        _silo = await FaasProcess.StartSilo(_ports, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = _environmentName,
            ["Faas__Docker__Endpoint"] = $"unix://{Path.GetTempPath()}no-docker-{Guid.NewGuid():N}.sock",
            // Embedded mode does not use it; it is here to be stolen.
            ["Faas__Postgres"] = $"Host=127.0.0.1;Username=faas;Password={_environmentPassword};Database=faas",
        });
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
            await _silo.DisposeAsync();
        File.Delete(SettingsPath);
    }

    private async Task<string> Run(params string[] command)
    {
        var name = UniqueName("attack");
        await Silo.Http.RegisterOk(new { name, runtime = "process", command });
        using var response = await Silo.Http.InvokeSync(name, "");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await Describe(response));
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Runs a shell script that reports its own failures on stdout, so the test sees what the attack got back.</summary>
    private Task<string> Script(string script) => Run("/bin/sh", "-c", $"{{ {script}; }} 2>&1; echo \"exit=$?\"");

    [Fact]
    public async Task Its_environment_has_nothing_of_the_silos()
    {
        var output = await Run("/usr/bin/env");

        Assert.DoesNotContain("Faas__", output, StringComparison.Ordinal);
        Assert.DoesNotContain(_environmentPassword, output, StringComparison.Ordinal);
        Assert.DoesNotContain("ASPNETCORE_", output, StringComparison.Ordinal);
        Assert.Equal("PATH=/usr/local/bin:/usr/bin:/bin\n", output);
    }

    [Fact]
    public async Task It_cannot_read_the_silos_appsettings()
    {
        var output = await Script($"cat '{SettingsPath}'");

        Assert.DoesNotContain(_filePassword, output, StringComparison.Ordinal);
        Assert.Contains("Permission denied", output, StringComparison.Ordinal);
        Assert.EndsWith("exit=1\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_cannot_read_the_silos_environment_through_proc()
    {
        var output = await Script($"cat /proc/{Silo.Pid}/comm; cat /proc/{Silo.Pid}/environ");

        Assert.StartsWith("dotnet\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain(_environmentPassword, output, StringComparison.Ordinal);
        Assert.Contains("Permission denied", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_does_not_run_as_root()
    {
        Assert.Equal("65534\n", await Run("/usr/bin/id", "-u"));
    }

    [Fact]
    public async Task It_has_no_capabilities_no_new_privileges_and_only_its_users_groups()
    {
        var output = await Run("/bin/grep", "-E", "^(Uid|Gid|Groups|Cap[A-Za-z]+|NoNewPrivs):", "/proc/self/status");

        var fields = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(':', 2))
            .ToDictionary(pair => pair[0], pair => string.Join(' ', pair[1].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("65534 65534 65534 65534", fields["Uid"]);
        Assert.Equal("65534 65534 65534 65534", fields["Gid"]);
        Assert.Equal((await Programs.Run("id", ["-G", "nobody"])).Text.Trim(), fields["Groups"]);
        Assert.All(["CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb"], set => Assert.Equal("0000000000000000", fields[set]));
        Assert.Equal("1", fields["NoNewPrivs"]);
    }

    [Fact]
    public async Task Its_working_folder_is_its_own_and_gone_after_the_run()
    {
        var output = await Script("pwd; stat -c '%U %a' .; ls -A");

        var folder = output.Split('\n')[0];
        Assert.Equal("nobody 700\nexit=0\n", output[(folder.Length + 1)..]);
        Assert.False(Directory.Exists(folder), $"{folder} outlived its run.");
    }

    [Fact]
    public async Task The_start_up_log_says_how_process_runs_are_boxed_and_the_orleans_ports_listen_on_loopback_only()
    {
        var log = await File.ReadAllTextAsync(Silo.LogPath);

        Assert.Contains("The process runtime: as nobody (65534:65534); an empty environment and a working folder of its own per run; ", log, StringComparison.Ordinal);
        Assert.Equal([IPAddress.Loopback], Listeners.On(Silo.Ports!.SiloPort));
        Assert.Equal([IPAddress.Loopback], Listeners.On(Silo.Ports!.GatewayPort));
    }
}
