using System.Runtime.InteropServices;

namespace Orleans.Faas.Runtime.Files;

/// <summary>
/// A folder of the node's own inside a folder everyone can write in (<c>/tmp</c>, <c>/dev/shm</c>): made new and
/// exclusively, for this process's user alone (0700), so nobody else can have made it first, pointed it elsewhere or
/// put anything in it.
/// </summary>
internal static partial class OwnFolder
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Makes the folder; what this user left at the path before (a crashed predecessor's folder) is removed first.</summary>
    /// <exception cref="InvalidOperationException">Something not this user's, or not a folder, is at the path, or appeared there while it was made.</exception>
    public static DirectoryInfo CreateNew(string path)
    {
        if (ThrowIfForeign(path) is { IsFolder: true })
            FolderRemoval.Remove(path);
        if (MakeFolder(path, (uint)OwnerOnly) != 0)
        {
            throw new InvalidOperationException(
                $"The node's folder {path} could not be made: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}. Someone else may have made it first.");
        }
        var made = PathFacts.Of(path);
        return made is { IsFolder: true, IsOwn: true, Mode: OwnerOnly }
            ? new DirectoryInfo(path)
            : throw new InvalidOperationException($"The node's folder {path} was made, but is not this user's alone (0700): {made}. Is the process umask unusual?");
    }

    /// <summary>Refuses a path that holds what is not this user's own file or folder: a link, or another user's.</summary>
    /// <returns>What is at the path; null when nothing is.</returns>
    /// <exception cref="InvalidOperationException">The path holds a link, or another user's file.</exception>
    public static PathFacts? ThrowIfForeign(string path)
    {
        var found = PathFacts.Of(path);
        if (found is { IsLink: true } or { IsOwn: false })
        {
            throw new InvalidOperationException(
                $"{path} already exists and is {(found.Value.IsLink ? "a link" : $"owned by uid {found.Value.Uid}")}, not this node's (uid {PathFacts.ProcessUid}): "
                + "someone else put it there. Remove it, or choose another parent folder for the node's folders.");
        }
        return found;
    }

    [LibraryImport("libc", EntryPoint = "mkdir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MakeFolder(string path, uint mode);
}
