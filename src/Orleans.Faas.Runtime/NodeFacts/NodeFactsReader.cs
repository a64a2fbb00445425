using System.Globalization;
using Facts = Orleans.Faas.Providers.NodeFacts;

namespace Orleans.Faas.Runtime.NodeFacts;

/// <summary>Reads what a node is made of from procfs and sysfs under <paramref name="root"/>, so tests can point it at a fake tree.</summary>
public sealed class NodeFactsReader(string root = "/")
{
    private const string UnknownCpuModel = "unknown";

    public Facts Read(string nodeName) =>
        new(nodeName, ReadCores(), ReadMemoryBytes(), ReadCpuModel(), ReadLastLevelCacheBytes());

    private int ReadCores() =>
        ReadText(Under("sys/devices/system/cpu/online")) is { } online && KernelFormats.CountCpuList(online) is { } cores
            ? cores
            : Environment.ProcessorCount;

    private long ReadMemoryBytes() =>
        ReadText(Under("proc/meminfo")) is { } meminfo
        && KernelFormats.FindField(meminfo.Split('\n'), "MemTotal") is { } total
        && KernelFormats.ParseMeminfoBytes(total) is { } bytes
            ? bytes
            : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    private string ReadCpuModel() =>
        ReadText(Under("proc/cpuinfo")) is { } cpuinfo && KernelFormats.FindField(cpuinfo.Split('\n'), "model name") is { Length: > 0 } model
            ? model
            : UnknownCpuModel;

    /// <summary>The data or unified cache of the highest level CPU 0 reports; instruction caches are never the last level.</summary>
    private long? ReadLastLevelCacheBytes()
    {
        var caches = Under("sys/devices/system/cpu/cpu0/cache");
        if (!Directory.Exists(caches))
            return null;

        var best = (Level: 0, Bytes: (long?)null);
        foreach (var index in Directory.EnumerateDirectories(caches, "index*"))
        {
            if (ReadText(Path.Combine(index, "type"))?.Trim() is not ("Unified" or "Data"))
                continue;
            if (!int.TryParse(ReadText(Path.Combine(index, "level")), NumberStyles.Integer, CultureInfo.InvariantCulture, out var level) || level <= best.Level)
                continue;
            if (ReadText(Path.Combine(index, "size")) is { } size && KernelFormats.ParseSize(size) is { } bytes)
                best = (level, bytes);
        }
        return best.Bytes;
    }

    private string Under(string relativePath) => Path.Combine(root, relativePath);

    private static string? ReadText(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
}
