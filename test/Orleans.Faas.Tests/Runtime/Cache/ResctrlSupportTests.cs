using Orleans.Faas.Runtime.Cache.Allocation;

namespace Orleans.Faas.Tests.Runtime.Cache;

public sealed class ResctrlSupportTests
{
    [Fact]
    public void Without_the_resctrl_folder_it_is_not_mounted()
    {
        using var tree = new FakeKernelTree();

        var support = ResctrlSupport.Detect(tree.ResctrlRoot);

        Assert.False(support.IsAvailable);
        Assert.Equal($"resctrl is not mounted (no {tree.ResctrlRoot})", support.UnavailableBecause);
        Assert.Null(support.L3);
    }

    [Fact]
    public void An_empty_mount_point_says_how_to_mount_it()
    {
        using var tree = new FakeKernelTree();
        Directory.CreateDirectory(tree.ResctrlRoot);

        Assert.Equal($"resctrl is not mounted at {tree.ResctrlRoot} (mount -t resctrl resctrl {tree.ResctrlRoot})",
            ResctrlSupport.Detect(tree.ResctrlRoot).UnavailableBecause);
    }

    [Fact]
    public void A_mount_without_l3_allocation_says_the_cpu_lacks_cat()
    {
        using var tree = new FakeKernelTree().With("sys/fs/resctrl/info/MB/min_bandwidth", "10\n").With("sys/fs/resctrl/schemata", "MB:0=100\n");

        Assert.StartsWith("resctrl offers no L3 cache allocation", ResctrlSupport.Detect(tree.ResctrlRoot).UnavailableBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mount_with_code_data_prioritization_says_to_mount_without_it()
    {
        using var tree = new FakeKernelTree().With("sys/fs/resctrl/info/L3CODE/cbm_mask", "fff\n").With("sys/fs/resctrl/info/L3DATA/cbm_mask", "fff\n");

        Assert.EndsWith("mount it without -o cdp", ResctrlSupport.Detect(tree.ResctrlRoot).UnavailableBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_schemata_is_reported_with_its_path()
    {
        using var tree = new FakeKernelTree().WithResctrl();
        File.Delete(Path.Combine(tree.ResctrlRoot, "schemata"));

        var because = ResctrlSupport.Detect(tree.ResctrlRoot).UnavailableBecause;

        Assert.StartsWith("resctrl cannot be read: ", because, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(tree.ResctrlRoot, "schemata"), because, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_schemata_is_reported()
    {
        using var tree = new FakeKernelTree().WithResctrl();
        var schemata = Path.Combine(tree.ResctrlRoot, "schemata");
        File.Delete(schemata);
        Directory.CreateDirectory(schemata);

        Assert.StartsWith("resctrl cannot be read: ", ResctrlSupport.Detect(tree.ResctrlRoot).UnavailableBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schemata_without_an_l3_line_is_reported()
    {
        using var tree = new FakeKernelTree().WithResctrl(schemata: "MB:0=100;1=100\n");

        Assert.Equal($"{Path.Combine(tree.ResctrlRoot, "schemata")} has no readable L3 line", ResctrlSupport.Detect(tree.ResctrlRoot).UnavailableBecause);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("ff0")]
    [InlineData("f0f")]
    [InlineData("cache")]
    public void A_cbm_mask_that_is_not_the_lowest_ways_is_reported(string cbmMask)
    {
        using var tree = new FakeKernelTree().WithResctrl(cbmMask: cbmMask);

        Assert.Contains("cbm_mask is not a mask of the lowest cache ways", ResctrlSupport.Detect(tree.ResctrlRoot).UnavailableBecause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("13")]
    [InlineData("-1")]
    public void A_min_cbm_bits_that_is_no_number_of_ways_is_reported(string minCbmBits)
    {
        using var tree = new FakeKernelTree().WithResctrl(minCbmBits: minCbmBits);

        Assert.Contains("min_cbm_bits is not a number of ways up to 12", ResctrlSupport.Detect(tree.ResctrlRoot).UnavailableBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void A_two_socket_node_has_its_ways_minimum_and_both_domains()
    {
        using var tree = new FakeKernelTree()
            .WithResctrl(cbmMask: "7ff", minCbmBits: "2", schemata: "    L3:0=7ff;1=7ff\n    MB:0=100;1=100\n")
            .With("sys/fs/resctrl/info/L3/shareable_bits", "600\n");

        var support = ResctrlSupport.Detect(tree.ResctrlRoot);

        Assert.True(support.IsAvailable);
        Assert.Null(support.UnavailableBecause);
        Assert.Equal(11, support.L3.Ways);
        Assert.Equal(2, support.L3.MinWays);
        Assert.Equal([0, 1], support.L3.Domains);
        Assert.Equal(0x600UL, support.L3.ShareableBits);
        Assert.Equal(tree.ResctrlRoot, support.Root);
    }

    [Fact]
    public void Without_shareable_bits_the_kernel_says_nothing_about_them()
    {
        using var tree = new FakeKernelTree().WithResctrl(schemata: "L3:0=fff\n");

        var support = ResctrlSupport.Detect(tree.ResctrlRoot);

        Assert.Equal(new L3Geometry(12, 1, support.L3!.Domains, null), support.L3);
        Assert.Equal([0], support.L3.Domains);
    }

    [Fact]
    public void This_machine_answers_either_way_with_a_reason_when_unavailable()
    {
        var support = ResctrlSupport.Detect();

        Assert.True(support.IsAvailable || support.UnavailableBecause.Length > 10, support.UnavailableBecause);
    }
}
