using System.Globalization;

namespace Orleans.Faas.Runtime.Processes;

/// <summary>The unprivileged user, with its primary group and its groups, a root silo runs process functions as.</summary>
/// <param name="Groups">All of the user's groups, the primary one included, as the group database has them.</param>
public sealed record RunAccount(string User, int Uid, int Gid, IReadOnlyList<int> Groups)
{
    /// <summary>Looks the user up with coreutils' <c>id</c>.</summary>
    /// <exception cref="InvalidOperationException">The user does not exist, or is root.</exception>
    public static async Task<RunAccount> ResolveAsync(string user)
    {
        var uid = int.Parse(await HostTool.RunAsync("id", "-u", user), CultureInfo.InvariantCulture);
        var gid = int.Parse(await HostTool.RunAsync("id", "-g", user), CultureInfo.InvariantCulture);
        var groups = (await HostTool.RunAsync("id", "-G", user)).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(group => int.Parse(group, CultureInfo.InvariantCulture)).ToArray();
        return uid != 0
            ? new RunAccount(user, uid, gid, groups)
            : throw new InvalidOperationException($"Faas:Process:User '{user}' is root; process functions must run as an unprivileged user.");
    }

    /// <summary>The <c>uid:gid</c> pair, as the start-up log names it.</summary>
    public string Owner => $"{Uid}:{Gid}";

    public override string ToString() => $"{User} ({Owner})";
}
