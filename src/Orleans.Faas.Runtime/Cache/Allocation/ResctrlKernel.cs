using System.Globalization;

namespace Orleans.Faas.Runtime.Cache.Allocation;

/// <summary>
/// The operations on a resctrl mount that do more than their plain file-system namesakes: mkdir makes a group that the
/// kernel fills with its files, rmdir removes the group with its files and moves its threads back to the default group,
/// and each thread id written to a group's <c>tasks</c> moves that one thread. Tests imitate them on a plain folder.
/// </summary>
internal class ResctrlKernel
{
    private const int NoSuchProcess = 3; // ESRCH, which .NET passes on as the IOException's HResult.

    public static ResctrlKernel Instance { get; } = new();

    /// <exception cref="IOException">The group exists already, or the kernel has no class of service left for another group.</exception>
    public virtual void MakeGroup(string folder)
    {
        // Directory.CreateDirectory accepts an existing folder where mkdir would not.
        if (Directory.Exists(folder))
            throw new IOException($"The resctrl group {folder} exists already");
        Directory.CreateDirectory(folder);
    }

    public virtual void RemoveGroup(string folder) => Directory.Delete(folder, recursive: false);

    /// <summary>Moves one thread into the group whose <c>tasks</c> file this is; a thread that has ended meanwhile is skipped.</summary>
    public virtual void MoveThread(string tasksFile, int threadId)
    {
        try
        {
            File.WriteAllText(tasksFile, threadId.ToString(CultureInfo.InvariantCulture) + "\n");
        }
        catch (IOException e) when (e.HResult == NoSuchProcess)
        {
            // The thread ended after its cgroup listed it: there is nothing left to move.
        }
    }
}
