using System.Globalization;
using Orleans.Faas.Runtime.Cache.Allocation;
using Facts = Orleans.Faas.Providers.NodeFacts;

namespace Orleans.Faas.Runtime.NodeFacts;

/// <summary>Reads what a node is made of from procfs and sysfs under <paramref name="root"/>, so tests can point it at a fake tree.</summary>
public sealed class NodeFactsReader(string root = "/")
{
    private const string UnknownCpuModel = "unknown";

    private const int KilohertzPerMegahertz = 1000;

    /// <param name="deviceModel">What machine it is in its operator's words; null reads it from the machine (<see cref="ReadDeviceModel"/>).</param>
    public Facts Read(string nodeName, string deviceClass = Facts.UnspecifiedDeviceClass, string? deviceModel = null)
    {
        var llc = ReadLastLevelCache();
        var cpuinfo = ReadText(Under("proc/cpuinfo"))?.Split('\n') ?? [];
        var resctrl = ResctrlSupport.Detect(ResctrlSupport.RootIn(root));
        return new(nodeName, ReadCores(), ReadMemoryBytes(), ReadCpuModel(cpuinfo), llc?.Bytes, llc?.LineBytes, ReadCpuMHz(cpuinfo), ReadNumaNodes(), deviceClass,
            CacheWays: resctrl.L3?.Ways, CacheAllocationUnavailable: resctrl.UnavailableBecause, DeviceModel: deviceModel ?? ReadDeviceModel(cpuinfo), MachineId: ReadMachineId());
    }

    /// <summary>
    /// The board's devicetree model (a Raspberry Pi or a Jetson says what it is there), else the DMI product name (a PC's
    /// or a cloud VM's), else the CPU model: the most specific name the machine gives of itself.
    /// </summary>
    private string ReadDeviceModel(string[] cpuinfo) =>
        Named(ReadText(Under("proc/device-tree/model"))) ?? Named(ReadText(Under("sys/class/dmi/id/product_name"))) ?? ReadCpuModel(cpuinfo);

    /// <summary>The 32 hex digits of machine-id(5) as a UUID; null when the file is missing or holds something else.</summary>
    private Guid? ReadMachineId() =>
        Guid.TryParseExact(ReadText(Under("etc/machine-id"))?.Trim(), "N", out var id) ? id : null;

    /// <summary>The name without the NUL a devicetree string ends in; null when empty or a firmware placeholder.</summary>
    private static string? Named(string? text) =>
        text?.Trim('\0', ' ', '\n') is { Length: > 0 } name && !PlaceholderNames.Contains(name) ? name : null;

    // What vendors leave in DMI fields they never filled in.
    private static readonly HashSet<string> PlaceholderNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "To be filled by O.E.M.", "System Product Name", "Default string", "Not Specified", "None",
    };

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

    private static string ReadCpuModel(string[] cpuinfo) =>
        KernelFormats.FindField(cpuinfo, "model name") is { Length: > 0 } model ? model : UnknownCpuModel;

    /// <summary>The maximum frequency cpufreq reports for CPU 0, else the current one in cpuinfo (VMs often have no cpufreq).</summary>
    private double? ReadCpuMHz(string[] cpuinfo)
    {
        if (ReadText(Under("sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq")) is { } khz
            && long.TryParse(khz.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var kilohertz) && kilohertz > 0)
            return (double)kilohertz / KilohertzPerMegahertz;
        return KernelFormats.FindField(cpuinfo, "cpu MHz") is { } mhz
            && double.TryParse(mhz, NumberStyles.Float, CultureInfo.InvariantCulture, out var megahertz) && megahertz > 0
                ? megahertz
                : null;
    }

    private int ReadNumaNodes() =>
        ReadText(Under("sys/devices/system/node/online")) is { } online && KernelFormats.CountCpuList(online) is { } nodes ? nodes : 1;

    /// <summary>The data or unified cache of the highest level CPU 0 reports; instruction caches are never the last level.</summary>
    private (long Bytes, int? LineBytes)? ReadLastLevelCache()
    {
        var caches = Under("sys/devices/system/cpu/cpu0/cache");
        if (!Directory.Exists(caches))
            return null;

        var best = (Level: 0, Cache: ((long Bytes, int? LineBytes)?)null);
        foreach (var index in Directory.EnumerateDirectories(caches, "index*"))
        {
            if (ReadText(Path.Combine(index, "type"))?.Trim() is not ("Unified" or "Data"))
                continue;
            if (!int.TryParse(ReadText(Path.Combine(index, "level")), NumberStyles.Integer, CultureInfo.InvariantCulture, out var level) || level <= best.Level)
                continue;
            if (ReadText(Path.Combine(index, "size")) is { } size && KernelFormats.ParseSize(size) is { } bytes)
                best = (level, (bytes, ReadPositive(Path.Combine(index, "coherency_line_size"))));
        }
        return best.Cache;
    }

    private static int? ReadPositive(string path) =>
        int.TryParse(ReadText(path), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;

    private string Under(string relativePath) => Path.Combine(root, relativePath);

    private static string? ReadText(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
}
