using System.Globalization;

namespace Orleans.Faas.Runtime.Processes;

/// <summary>The unprivileged user, with its primary group, a root silo runs process functions as.</summary>
public sealed record RunAccount(string User, int Uid, int Gid)
{
    /// <summary>Looks the user up with coreutils' <c>id</c>.</summary>
    /// <exception cref="InvalidOperationException">The user does not exist, or is root.</exception>
    public static async Task<RunAccount> ResolveAsync(string user)
    {
        var uid = int.Parse(await HostTool.RunAsync("id", "-u", user), CultureInfo.InvariantCulture);
        var gid = int.Parse(await HostTool.RunAsync("id", "-g", user), CultureInfo.InvariantCulture);
        return uid != 0
            ? new RunAccount(user, uid, gid)
            : throw new InvalidOperationException($"Faas:Process:User '{user}' is root; process functions must run as an unprivileged user.");
    }

    /// <summary>The <c>uid:gid</c> pair setpriv takes.</summary>
    public string Owner => $"{Uid}:{Gid}";

    public override string ToString() => $"{User} ({Owner})";
}
