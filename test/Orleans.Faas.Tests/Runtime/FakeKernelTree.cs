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

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
