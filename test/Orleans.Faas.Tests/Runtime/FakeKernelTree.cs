namespace Orleans.Faas.Tests.Runtime;

/// <summary>A throwaway procfs/sysfs look-alike in a temp folder, holding only the files a test writes.</summary>
public sealed class FakeKernelTree : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("faas-facts-").FullName;

    public FakeKernelTree With(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public FakeKernelTree WithCache(int index, int level, string type, string size) =>
        With($"sys/devices/system/cpu/cpu0/cache/index{index}/level", $"{level}\n")
            .With($"sys/devices/system/cpu/cpu0/cache/index{index}/type", $"{type}\n")
            .With($"sys/devices/system/cpu/cpu0/cache/index{index}/size", $"{size}\n");

    /// <summary>Where resctrl is mounted in the tree.</summary>
    public string ResctrlRoot => Path.Combine(Root, "sys/fs/resctrl");

    /// <summary>A mounted resctrl with L3 cache allocation: its info/L3 files and the root group's schemata.</summary>
    public FakeKernelTree WithResctrl(string cbmMask = "fff", string minCbmBits = "1", string schemata = "L3:0=fff;1=fff\n") =>
        With("sys/fs/resctrl/info/L3/cbm_mask", $"{cbmMask}\n")
            .With("sys/fs/resctrl/info/L3/min_cbm_bits", $"{minCbmBits}\n")
            .With("sys/fs/resctrl/schemata", schemata);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
