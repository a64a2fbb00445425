using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Orleans.Faas.Runtime.Files;

/// <summary>
/// Gives a path to another user with libc's <c>chown</c>, which .NET does not wrap; it is done for every process run's
/// folder and every mounted secret, where spawning coreutils' chown would cost as much as the run's own spawn.
/// Fails with EPERM when this process may not give files away (it is not root).
/// </summary>
internal static partial class Ownership
{
    /// <param name="gid">-1 leaves the group as it is.</param>
    /// <returns>Whether the system agreed.</returns>
    public static bool TryGive(string path, int uid, int gid) => Chown(path, uid, gid) == 0;

    /// <exception cref="Win32Exception">The system refused, with its reason.</exception>
    public static void Give(string path, int uid, int gid)
    {
        if (!TryGive(path, uid, gid))
            throw new Win32Exception(Marshal.GetLastPInvokeError());
    }

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, int uid, int gid);
}
