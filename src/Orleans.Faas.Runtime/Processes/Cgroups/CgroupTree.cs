namespace Orleans.Faas.Runtime.Processes.Cgroups;

/// <summary>
/// The cgroup v2 folder process runs get their own cgroups under (<see cref="ProcessOptions.CgroupRoot"/>), and
/// whether this node lets the silo use it: a cgroup v2 tree, the cpu, memory and pids controllers handed down to
/// it, and the silo allowed to make groups there.
/// </summary>
public sealed class CgroupTree
{
    private static readonly string[] Controllers = ["cpu", "memory", "pids"];

    private CgroupTree(string root, string? unavailableBecause) => (Root, UnavailableBecause) = (root, unavailableBecause);

    public string Root { get; }

    /// <summary>Why runs get no cgroup of their own here; null when they do.</summary>
    public string? UnavailableBecause { get; }

    /// <summary>Makes <paramref name="root"/> if missing and turns its controllers on for its children where it may.</summary>
    public static CgroupTree Detect(string root)
    {
        root = Path.TrimEndingDirectorySeparator(root);
        var parent = Path.GetDirectoryName(root);
        if (parent is null || !File.Exists(Path.Combine(parent, "cgroup.controllers")))
            return new CgroupTree(root, $"{parent ?? root} is not in a cgroup v2 tree (no cgroup.controllers there; the node may mount cgroup v1)");
        try
        {
            Directory.CreateDirectory(root);
            var given = Missing(root, "cgroup.controllers");
            if (given.Length > 0)
                return new CgroupTree(root, $"{parent} does not hand the {string.Join(", ", given)} controller(s) down to {root} (see its cgroup.subtree_control)");
            var off = Missing(root, "cgroup.subtree_control");
            if (off.Length > 0)
                File.WriteAllText(Path.Combine(root, "cgroup.subtree_control"), string.Join(' ', off.Select(c => $"+{c}")));
            var stillOff = Missing(root, "cgroup.subtree_control");
            if (stillOff.Length > 0)
                return new CgroupTree(root, $"{root} could not turn on the {string.Join(", ", stillOff)} controller(s) for its children");
            // Making and removing a group proves the silo may do so for every run.
            var probe = Directory.CreateDirectory(Path.Combine(root, $"probe-{Guid.NewGuid():N}"));
            probe.Delete();
            return new CgroupTree(root, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new CgroupTree(root, $"{root} is not writable by the silo (not delegated to its user?): {e.Message}");
        }
    }

    /// <summary>A cgroup of its own for one run, its limits written.</summary>
    /// <exception cref="InvalidOperationException">The node has no usable tree (<see cref="UnavailableBecause"/>).</exception>
    public RunCgroup CreateRun(RunLimits limits) => UnavailableBecause is null
        ? RunCgroup.Create(Root, limits)
        : throw new InvalidOperationException($"Process runs get no cgroup here: {UnavailableBecause}.");

    public string Describe() => UnavailableBecause is null
        ? $"each run in a cgroup of its own under {Root} (cpu.max, memory.max, pids.max)"
        : $"no cgroup limits: {UnavailableBecause}";

    private static string[] Missing(string group, string listFile)
    {
        var path = Path.Combine(group, listFile);
        var listed = File.Exists(path) ? File.ReadAllText(path).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) : [];
        return [.. Controllers.Except(listed, StringComparer.Ordinal)];
    }
}
