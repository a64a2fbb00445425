using Orleans.Faas.Runtime.NodeFacts;

namespace Orleans.Faas.Tests.Runtime;

public sealed class NodeFactsReaderTests
{
    private const string Meminfo = "MemTotal:        2048 kB\nMemFree:          1024 kB\n";
    private const string X86Cpuinfo = "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Test CPU @ 3.00GHz\n\nprocessor\t: 1\nmodel name\t: Test CPU @ 3.00GHz\n";

    [Fact]
    public void A_typical_x86_node_is_read_in_full()
    {
        using var tree = new FakeKernelTree()
            .With("sys/devices/system/cpu/online", "0-1,4\n")
            .With("proc/meminfo", Meminfo)
            .With("proc/cpuinfo", X86Cpuinfo)
            .WithCache(0, 1, "Data", "32K")
            .WithCache(1, 1, "Instruction", "32K")
            .WithCache(2, 2, "Unified", "1024K")
            .WithCache(3, 3, "Unified", "8M");

        var facts = new NodeFactsReader(tree.Root).Read("node-a");

        Assert.Equal("node-a", facts.NodeName);
        Assert.Equal(3, facts.Cores);
        Assert.Equal(2048L * 1024, facts.MemoryBytes);
        Assert.Equal("Test CPU @ 3.00GHz", facts.CpuModel);
        Assert.Equal(8L * 1024 * 1024, facts.LlcBytes);
    }

    [Fact]
    public void A_cache_size_in_kibibytes_is_converted_to_bytes()
    {
        using var tree = new FakeKernelTree()
            .WithCache(0, 1, "Data", "48K")
            .WithCache(3, 3, "Unified", "32768K")
            .WithCache(2, 2, "Unified", "2048K");

        Assert.Equal(32768L * 1024, new NodeFactsReader(tree.Root).Read("n").LlcBytes);
    }

    [Fact]
    public void An_instruction_cache_is_never_the_last_level()
    {
        using var tree = new FakeKernelTree()
            .WithCache(0, 1, "Data", "16K")
            .WithCache(1, 2, "Instruction", "64K");

        Assert.Equal(16L * 1024, new NodeFactsReader(tree.Root).Read("n").LlcBytes);
    }

    [Fact]
    public void A_node_without_cache_information_has_no_llc_size()
    {
        using var tree = new FakeKernelTree().With("sys/devices/system/cpu/online", "0\n");

        Assert.Null(new NodeFactsReader(tree.Root).Read("n").LlcBytes);
    }

    [Fact]
    public void Cpuinfo_without_a_model_name_reads_as_unknown()
    {
        using var tree = new FakeKernelTree().With("proc/cpuinfo", "processor\t: 0\nBogoMIPS\t: 50.00\nCPU part\t: 0xd0c\n");

        Assert.Equal("unknown", new NodeFactsReader(tree.Root).Read("n").CpuModel);
    }

    [Fact]
    public void Missing_files_fall_back_to_what_the_runtime_knows()
    {
        using var tree = new FakeKernelTree();

        var facts = new NodeFactsReader(tree.Root).Read("n");

        Assert.Equal(Environment.ProcessorCount, facts.Cores);
        Assert.True(facts.MemoryBytes > 0);
        Assert.Equal("unknown", facts.CpuModel);
        Assert.Null(facts.LlcBytes);
    }

    [Fact]
    public void An_unreadable_online_list_falls_back_to_the_processor_count()
    {
        using var tree = new FakeKernelTree().With("sys/devices/system/cpu/online", "garbage\n");

        Assert.Equal(Environment.ProcessorCount, new NodeFactsReader(tree.Root).Read("n").Cores);
    }

    [Fact]
    public void The_llc_line_size_numa_nodes_and_max_frequency_are_read()
    {
        using var tree = new FakeKernelTree()
            .WithCache(0, 1, "Data", "32K")
            .With("sys/devices/system/cpu/cpu0/cache/index0/coherency_line_size", "32\n")
            .WithCache(3, 3, "Unified", "16M")
            .With("sys/devices/system/cpu/cpu0/cache/index3/coherency_line_size", "128\n")
            .With("sys/devices/system/node/online", "0-3\n")
            .With("sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq", "3500000\n")
            .With("proc/cpuinfo", "processor\t: 0\ncpu MHz\t\t: 1200.000\n");

        var facts = new NodeFactsReader(tree.Root).Read("n", "edge");

        Assert.Equal(128, facts.CacheLineBytes);
        Assert.Equal(4, facts.NumaNodes);
        Assert.Equal(3500, facts.CpuMHz);
        Assert.Equal("edge", facts.DeviceClass);
    }

    [Fact]
    public void Without_cpufreq_the_current_frequency_from_cpuinfo_is_used()
    {
        using var tree = new FakeKernelTree().With("proc/cpuinfo", "processor\t: 0\nmodel name\t: Test\ncpu MHz\t\t: 2596.148\n");

        Assert.Equal(2596.148, new NodeFactsReader(tree.Root).Read("n").CpuMHz);
    }

    [Fact]
    public void A_node_without_numa_or_frequency_or_line_size_says_one_node_and_unknown()
    {
        using var tree = new FakeKernelTree().WithCache(2, 2, "Unified", "1M").With("proc/cpuinfo", "processor\t: 0\n");

        var facts = new NodeFactsReader(tree.Root).Read("n");

        Assert.Equal(1, facts.NumaNodes);
        Assert.Null(facts.CpuMHz);
        Assert.Null(facts.CacheLineBytes);
        Assert.Equal(1L << 20, facts.LlcBytes);
        Assert.Equal("unspecified", facts.DeviceClass);
    }

    [Fact]
    public void A_node_with_resctrl_has_its_cache_ways_and_no_reason()
    {
        using var tree = new FakeKernelTree().WithResctrl(cbmMask: "7ff");

        var facts = new NodeFactsReader(tree.Root).Read("n");

        Assert.Equal(11, facts.CacheWays);
        Assert.Null(facts.CacheAllocationUnavailable);
    }

    [Fact]
    public void A_node_without_resctrl_has_no_cache_ways_and_says_why_once()
    {
        using var tree = new FakeKernelTree().WithCache(3, 3, "Unified", "8M");

        var facts = new NodeFactsReader(tree.Root).Read("n");

        Assert.Null(facts.CacheWays);
        Assert.Equal($"resctrl is not mounted (no {tree.ResctrlRoot})", facts.CacheAllocationUnavailable);
        Assert.Equal(8L << 20, facts.LlcBytes);
    }

    [Fact]
    public void This_machine_reads_as_a_plausible_node()
    {
        var facts = new NodeFactsReader().Read("here");

        Assert.InRange(facts.Cores, 1, 4096);
        Assert.True(facts.MemoryBytes > 64L * 1024 * 1024);
        Assert.False(string.IsNullOrWhiteSpace(facts.CpuModel));
        Assert.True((facts.CacheWays is > 0) ^ (facts.CacheAllocationUnavailable is not null));
    }
}
