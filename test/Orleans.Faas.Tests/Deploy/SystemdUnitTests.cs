using System.Diagnostics;
using System.Globalization;
using Orleans.Faas.Workers;
using Xunit.Abstractions;

namespace Orleans.Faas.Tests.Deploy;

/// <summary>The shipped systemd units (deploy/systemd): a real stop fits in them, and systemd accepts them.</summary>
public sealed class SystemdUnitTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(Checkout.Root, "deploy", "systemd");
    private static readonly string Silo = Path.Combine(Folder, "orleans-faas-silo.service");
    private static readonly string Gateway = Path.Combine(Folder, "orleans-faas-gateway.service");

    /// <summary>What a stop may still need beyond the host's own timeout: the runtime's exit, a slow disk.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(15);

    [Fact]
    public void The_silo_unit_waits_for_the_whole_stop_grace_and_the_silo_stop_after_it()
    {
        var stop = TimeSpan.FromSeconds(int.Parse(Single(Silo, "TimeoutStopSec"), CultureInfo.InvariantCulture));

        Assert.True(stop >= new WorkerOptions().HostShutdownTimeout + Margin,
            $"TimeoutStopSec {stop} leaves no room after the host's shutdown timeout {new WorkerOptions().HostShutdownTimeout}");
        // Only the silo gets SIGTERM: its process runs go on through the grace.
        Assert.Equal("mixed", Single(Silo, "KillMode"));
    }

    [Fact]
    public void The_silo_keeps_its_agent_sockets_out_of_its_private_tmp()
    {
        Assert.Equal("yes", Single(Silo, "PrivateTmp"));
        Assert.Equal("Faas__Docker__SocketParent=/run/" + Single(Silo, "RuntimeDirectory"), Single(Silo, "Environment"));
    }

    [Fact]
    public void The_gateway_unit_runs_the_gateway_unprivileged()
    {
        Assert.EndsWith("/Orleans.Faas.Gateway.dll", Single(Gateway, "ExecStart"));
        Assert.Equal("yes", Single(Gateway, "DynamicUser"));
        Assert.Equal("strict", Single(Gateway, "ProtectSystem"));
    }

    [Fact]
    public async Task Systemd_accepts_both_units()
    {
        var verify = new ProcessStartInfo("systemd-analyze") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["verify", Silo, Gateway])
            verify.ArgumentList.Add(argument);
        Process analyze;
        try
        {
            analyze = Process.Start(verify)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            output.WriteLine("Skipped: systemd-analyze is not installed on this machine.");
            return;
        }
        using (analyze)
        {
            var errors = analyze.StandardError.ReadToEndAsync();
            await analyze.StandardOutput.ReadToEndAsync();
            await analyze.WaitForExitAsync();
            Assert.True(analyze.ExitCode == 0 && (await errors).Length == 0, $"systemd-analyze verify: {await errors}");
        }
    }

    /// <summary>The one value of <paramref name="key"/> in the unit file.</summary>
    private static string Single(string unit, string key) =>
        Assert.Single(File.ReadLines(unit), line => line.StartsWith(key + "=", StringComparison.Ordinal))[(key.Length + 1)..];
}
