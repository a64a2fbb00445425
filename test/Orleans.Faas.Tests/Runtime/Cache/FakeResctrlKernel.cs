using Orleans.Faas.Runtime.Cache.Allocation;

namespace Orleans.Faas.Tests.Runtime.Cache;

/// <summary>
/// Does on a plain folder what the kernel does on resctrl: mkdir gives a group its files, rmdir takes them along, and
/// each write to <c>tasks</c> adds one thread to those it lists.
/// </summary>
internal sealed class FakeResctrlKernel : ResctrlKernel
{
    private static readonly string[] GroupFiles = ["schemata", "tasks", "cpus", "cpus_list", "mode", "size"];

    /// <summary>A thread the kernel refuses to move, as it would with EINVAL; null when it moves them all.</summary>
    public int? RefusedThread { get; init; }

    /// <summary>The kernel refuses to remove groups, as it would with EBUSY.</summary>
    public bool RefusesRemoval { get; set; }

    /// <summary>Runs after each thread has moved, so a test can act midway.</summary>
    public Action<int>? AfterMove { get; init; }

    /// <summary>Every thread moved, in order, whichever group it went to.</summary>
    public List<int> Moved { get; } = [];

    public override void MakeGroup(string folder)
    {
        base.MakeGroup(folder);
        foreach (var file in GroupFiles)
            File.WriteAllText(Path.Combine(folder, file), "");
    }

    public override void RemoveGroup(string folder)
    {
        if (RefusesRemoval)
            throw new IOException("Device or resource busy");
        foreach (var file in GroupFiles)
            File.Delete(Path.Combine(folder, file));
        base.RemoveGroup(folder);
    }

    public override void MoveThread(string tasksFile, int threadId)
    {
        if (threadId == RefusedThread)
            throw new IOException("Invalid argument");
        File.AppendAllText(tasksFile, $"{threadId}\n");
        Moved.Add(threadId);
        AfterMove?.Invoke(threadId);
    }
}
