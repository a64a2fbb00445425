using Orleans.Faas.Runtime.NodeFacts;

namespace Orleans.Faas.Tests.Runtime;

public sealed class KernelFormatsTests
{
    [Theory]
    [InlineData("0", 1)]
    [InlineData("0-1\n", 2)]
    [InlineData("0-1,4", 3)]
    [InlineData("0-3,8-11,16", 9)]
    [InlineData("", null)]
    [InlineData("garbage", null)]
    [InlineData("3-1", null)]
    [InlineData("0-1-2", null)]
    public void Cpu_lists_are_counted(string text, int? expected) => Assert.Equal(expected, KernelFormats.CountCpuList(text));

    [Theory]
    [InlineData("32K\n", 32L * 1024)]
    [InlineData("32768K", 32768L * 1024)]
    [InlineData("8M", 8L * 1024 * 1024)]
    [InlineData("1G", 1L << 30)]
    [InlineData("512", 512L)]
    [InlineData("", null)]
    [InlineData("K", null)]
    [InlineData("-8M", null)]
    [InlineData("eightM", null)]
    public void Cache_sizes_are_converted_to_bytes(string text, long? expected) => Assert.Equal(expected, KernelFormats.ParseSize(text));

    [Theory]
    [InlineData("24684084 kB", 24684084L * 1024)]
    [InlineData("  2048 kB", 2048L * 1024)]
    [InlineData("12", 12L)]
    [InlineData("12 MB", null)]
    [InlineData("", null)]
    public void Meminfo_values_are_converted_to_bytes(string text, long? expected) => Assert.Equal(expected, KernelFormats.ParseMeminfoBytes(text));
}
