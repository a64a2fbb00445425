using System.Globalization;

namespace Orleans.Faas.Runtime.Cache;

/// <summary>A container's cgroups: where the one for perf events lives on the node, found from its init process, and which threads a cgroup holds.</summary>
public static class ContainerCgroups
{
    /// <summary>
    /// The perf_event cgroup folder of process <paramref name="pid"/>: its v1 perf_event hierarchy when there is one,
    /// else its unified (v2) cgroup; null when /proc does not say.
    /// </summary>
    /// <param name="root">Where procfs and sysfs are found; a fake tree in tests.</param>
    public static string? PerfEventFolder(string root, int pid)
    {
        var membership = Path.Combine(root, "proc", pid.ToString(CultureInfo.InvariantCulture), "cgroup");
        if (!File.Exists(membership))
            return null;

        string? unified = null;
        foreach (var line in File.ReadAllLines(membership))
        {
            // hierarchy-id:controller-list:path
            var parts = line.Split(':', 3);
            if (parts.Length != 3)
                continue;
            if (parts[1].Split(',').Contains("perf_event"))
                return Under(root, "sys/fs/cgroup/perf_event", parts[2]);
            if (parts[0] == "0" && parts[1].Length == 0)
                unified = Under(root, "sys/fs/cgroup", parts[2]);
        }
        return unified is not null && File.Exists(Path.Combine(Path.Combine(root, "sys/fs/cgroup"), "cgroup.controllers")) ? unified : null;
    }

    /// <summary>
    /// The ids of every thread in the cgroup at <paramref name="folder"/>, from its <c>cgroup.threads</c> (v2) or
    /// <c>tasks</c> (v1), not <c>cgroup.procs</c>: resctrl moves threads one by one. Null when the cgroup is gone.
    /// </summary>
    public static int[]? ThreadIds(string folder)
    {
        var listing = new[] { "cgroup.threads", "tasks" }.Select(file => Path.Combine(folder, file)).FirstOrDefault(File.Exists);
        return listing is null
            ? null
            : [.. File.ReadAllLines(listing).Where(line => line.Length > 0).Select(line => int.Parse(line, NumberStyles.None, CultureInfo.InvariantCulture))];
    }

    private static string Under(string root, string mount, string cgroupPath) =>
        Path.Combine(root, mount, cgroupPath.TrimStart('/'));
}
