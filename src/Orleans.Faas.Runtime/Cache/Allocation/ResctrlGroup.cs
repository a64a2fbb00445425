namespace Orleans.Faas.Runtime.Cache.Allocation;

/// <summary>
/// A resctrl control group that holds one container's threads to the cache ways its schemata gives them, named
/// <c>orleans-faas-NODE@CONTAINER</c> so that silos sharing a host tell their groups apart. Disposing removes it; the
/// kernel then moves its threads back to the default group, which has the whole cache.
/// </summary>
internal sealed class ResctrlGroup : IDisposable
{
    private const string Prefix = "orleans-faas-";

    private readonly ResctrlKernel _kernel;
    private bool _removed;

    private ResctrlGroup(ResctrlKernel kernel, string folder)
    {
        _kernel = kernel;
        Folder = folder;
    }

    public string Folder { get; }

    /// <param name="container">The container's name on the node, such as its cgroup folder's name.</param>
    public static string NameFor(string node, string container) => NodePrefix(node) + container;

    /// <summary>
    /// Makes the group, writes its <c>schemata</c> and moves every thread of the container into it, one thread id per
    /// write to its <c>tasks</c>. When a step fails or is cancelled, the group is removed before the exception leaves.
    /// </summary>
    /// <param name="containerCgroup">
    /// Any cgroup folder of the container. Call this while the container is idle: a thread it starts meanwhile may stay
    /// behind, while threads and processes it starts afterwards are born into the group.
    /// </param>
    public static ResctrlGroup Create(string root, string name, string schemata, string containerCgroup, ResctrlKernel kernel, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var group = new ResctrlGroup(kernel, Path.Combine(root, name));
        kernel.MakeGroup(group.Folder);
        try
        {
            File.WriteAllText(Path.Combine(group.Folder, "schemata"), schemata);
            var threads = ContainerCgroups.ThreadIds(containerCgroup)
                ?? throw new IOException($"The container's cgroup {containerCgroup} lists no threads: the container is gone");
            var tasks = Path.Combine(group.Folder, "tasks");
            foreach (var thread in threads)
            {
                cancellationToken.ThrowIfCancellationRequested();
                kernel.MoveThread(tasks, thread);
            }
            return group;
        }
        catch
        {
            group.Dispose();
            throw;
        }
    }

    /// <summary>Removes the groups an earlier process of <paramref name="node"/>, such as a crashed silo, left behind.</summary>
    /// <returns>The names of the groups removed.</returns>
    public static IReadOnlyList<string> RemoveLeftovers(string root, string node, ResctrlKernel kernel)
    {
        var leftovers = Directory.EnumerateDirectories(root)
            .Select(folder => Path.GetFileName(folder))
            .Where(name => name.StartsWith(NodePrefix(node), StringComparison.Ordinal))
            .ToList();
        foreach (var name in leftovers)
            kernel.RemoveGroup(Path.Combine(root, name));
        return leftovers;
    }

    public void Dispose()
    {
        if (_removed)
            return;
        try
        {
            _kernel.RemoveGroup(Folder);
        }
        catch (DirectoryNotFoundException)
        {
            // Gone already (resctrl remounted, or the group removed by hand): nothing is left to remove.
        }
        _removed = true;
    }

    // Node names never hold '@', so one node's prefix never matches another's groups.
    private static string NodePrefix(string node) => $"{Prefix}{node}@";
}
