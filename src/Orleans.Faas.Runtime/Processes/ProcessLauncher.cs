using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Orleans.Faas.Functions;
using Orleans.Faas.Runtime.Processes.Cgroups;
using Orleans.Faas.Runtime.Runners;

namespace Orleans.Faas.Runtime.Processes;

/// <summary>
/// Starts a function's command as a child process with its three standard streams redirected to us, through the
/// node's own launcher (<c>faas-launch.c</c>), which joins the run's cgroup, drops to the run's user with no
/// capabilities and <c>no_new_privs</c>, and execs the program with the function's environment only: one exec, one
/// process. The launcher itself starts with an empty environment, so nothing the function sets (<c>LD_PRELOAD</c>,
/// say) reaches it while it still runs as the silo's user.
/// </summary>
internal static class ProcessLauncher
{
    /// <summary>The PATH a run gets when its function sets none.</summary>
    public const string BarePath = "/usr/local/bin:/usr/bin:/bin";

    public static Process Start(FunctionDefinition function, string workingFolder, ProcessSandbox sandbox, RunCgroup? cgroup)
    {
        var program = ProgramOf(function, workingFolder);
        var start = new ProcessStartInfo(sandbox.Launcher)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingFolder,
        };
        if (cgroup is not null)
            start.ArgumentList.Add($"--cgroup={cgroup.ProcsFile}");
        if (sandbox.Account is { } account)
        {
            start.ArgumentList.Add($"--uid={account.Uid.ToString(CultureInfo.InvariantCulture)}");
            start.ArgumentList.Add($"--gid={account.Gid.ToString(CultureInfo.InvariantCulture)}");
            start.ArgumentList.Add($"--groups={string.Join(',', account.Groups.Select(group => group.ToString(CultureInfo.InvariantCulture)))}");
        }
        foreach (var (name, value) in function.Env.SetItem("PATH", function.Env.GetValueOrDefault("PATH", BarePath)))
            start.ArgumentList.Add($"--env={name}={value}");
        start.ArgumentList.Add("--");
        start.ArgumentList.Add(program);
        foreach (var argument in function.Command.AsSpan()[1..])
            start.ArgumentList.Add(argument);
        start.Environment.Clear();

        try
        {
            return Process.Start(start)
                ?? throw new FunctionStartException($"Program '{function.Command[0]}' of function '{function.Name}' did not start.");
        }
        catch (Win32Exception e)
        {
            throw new FunctionStartException($"Program '{function.Command[0]}' of function '{function.Name}' could not be started through {sandbox.Launcher}: {e.Message}", e);
        }
    }

    /// <summary>The program's full path: as given when it names a folder, else the first match in the run's PATH.</summary>
    private static string ProgramOf(FunctionDefinition function, string workingFolder)
    {
        if (function.Command.IsDefaultOrEmpty || string.IsNullOrWhiteSpace(function.Command[0]))
            throw new FunctionStartException($"Function '{function.Name}' has no command to run.");
        var name = function.Command[0];
        var path = function.Env.GetValueOrDefault("PATH", BarePath);
        var found = name.Contains('/')
            ? [Path.GetFullPath(name, workingFolder)]
            : path.Split(':', StringSplitOptions.RemoveEmptyEntries).Select(folder => Path.Combine(folder, name));
        return found.FirstOrDefault(File.Exists)
            ?? throw new FunctionStartException($"Program '{name}' of function '{function.Name}' was not found{(name.Contains('/') ? "" : $" in PATH {path}")}.");
    }
}
