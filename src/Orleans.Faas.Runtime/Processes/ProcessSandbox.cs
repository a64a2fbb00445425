using Orleans.Faas.Runtime.Docker;
using Orleans.Faas.Runtime.Processes.Cgroups;

namespace Orleans.Faas.Runtime.Processes;

/// <summary>
/// What this node puts every process run in, found once at start-up: the unprivileged user it switches to (only a
/// root silo can), the cgroup tree runs get their limits in where the node allows, and the box defaults of a
/// function that sets no limits (the same as its container's).
/// </summary>
/// <param name="Account">The user runs switch to; null when the silo is not root and runs them as itself.</param>
/// <param name="WantedUser">The configured user, named when the silo cannot switch to it.</param>
/// <param name="Launcher">The node's launcher every run starts through (faas-launch.c).</param>
public sealed record ProcessSandbox(RunAccount? Account, string WantedUser, CgroupTree Cgroups, DockerOptions Box, string Launcher)
{
    /// <exception cref="InvalidOperationException">The configured user is missing or root.</exception>
    public static async Task<ProcessSandbox> PrepareAsync(ProcessOptions options, DockerOptions box)
    {
        var account = Environment.IsPrivilegedProcess ? await RunAccount.ResolveAsync(options.User) : null;
        return new ProcessSandbox(account, options.User, CgroupTree.Detect(options.CgroupRoot), box, options.LauncherPath);
    }

    /// <summary>One line for the start-up log: who runs the functions and in what.</summary>
    public string Describe()
    {
        var who = Account is null
            ? $"as the silo's own user {Environment.UserName}, which cannot switch to {WantedUser} as only root can"
            : $"as {Account}";
        return $"{who}; an empty environment and a working folder of its own per run; {Cgroups.Describe()}";
    }
}
