using System.ComponentModel;
using System.Diagnostics;
using Orleans.Faas.Functions;
using Orleans.Faas.Runtime.Processes.Cgroups;
using Orleans.Faas.Runtime.Runners;

namespace Orleans.Faas.Runtime.Processes;

/// <summary>
/// Starts a function's command as a child process with its three standard streams redirected to us, through a chain
/// of the node's own tools, each exec'ing the next in the same process: <c>sh</c> moves it into the run's cgroup,
/// util-linux's <c>setpriv</c> drops it to the run's user, and coreutils' <c>env -i</c> gives the program the
/// function's environment only. Until <c>env</c>, the chain runs with a bare <c>PATH</c>, so nothing the function
/// sets (<c>LD_PRELOAD</c>, say) reaches the steps that still run as the silo's user.
/// </summary>
internal static class ProcessLauncher
{
    public const string Setpriv = "setpriv";

    /// <summary>The PATH a run gets when its function sets none.</summary>
    public const string BarePath = "/usr/local/bin:/usr/bin:/bin";

    // "echo" is the shell's own builtin, so the shell moves itself (cgroup.procs takes 0 for the writer), then becomes the rest.
    private const string JoinCgroup = "echo 0 > \"$1\" && shift && exec \"$@\"";

    public static Process Start(FunctionDefinition function, string workingFolder, RunAccount? account, RunCgroup? cgroup)
    {
        var program = ProgramOf(function, workingFolder);
        List<string> chain = [];
        if (cgroup is not null)
            chain.AddRange(["/bin/sh", "-c", JoinCgroup, "faas-cgroup", cgroup.ProcsFile]);
        if (account is not null)
            chain.AddRange([Setpriv, $"--reuid={account.Uid}", $"--regid={account.Gid}", "--init-groups", "--no-new-privs", "--inh-caps=-all", "--bounding-set=-all", "--"]);
        chain.AddRange(["env", "-i", "--", $"PATH={BarePath}", .. function.Env.Select(pair => $"{pair.Key}={pair.Value}"), program]);
        chain.AddRange(function.Command.AsSpan()[1..]);

        var start = new ProcessStartInfo(chain[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingFolder,
        };
        foreach (var argument in chain.Skip(1))
            start.ArgumentList.Add(argument);
        start.Environment.Clear();
        start.Environment["PATH"] = BarePath;

        try
        {
            return Process.Start(start)
                ?? throw new FunctionStartException($"Program '{function.Command[0]}' of function '{function.Name}' did not start.");
        }
        catch (Win32Exception e)
        {
            throw new FunctionStartException($"Program '{function.Command[0]}' of function '{function.Name}' could not be started: {e.Message}", e);
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
        var program = found.FirstOrDefault(File.Exists)
            ?? throw new FunctionStartException($"Program '{name}' of function '{function.Name}' was not found{(name.Contains('/') ? "" : $" in PATH {path}")}.");
        // env would take "a=b" for a variable to set, not a program to run.
        return program.Contains('=')
            ? throw new FunctionStartException($"Program '{program}' of function '{function.Name}' has '=' in its path, which the process runtime cannot run.")
            : program;
    }
}
