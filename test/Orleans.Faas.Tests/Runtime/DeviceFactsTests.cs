using Orleans.Faas.Runtime.NodeFacts;

namespace Orleans.Faas.Tests.Runtime;

/// <summary>What a node says it is: its device model and machine id, read from the machine unless its operator says.</summary>
public sealed class DeviceFactsTests
{
    private const string Cpuinfo = "processor\t: 0\nmodel name\t: Test CPU @ 3.00GHz\n";

    [Fact]
    public void A_board_is_named_by_its_devicetree_model_without_the_trailing_nul()
    {
        using var tree = new FakeKernelTree()
            .With("proc/device-tree/model", "Raspberry Pi 4 Model B Rev 1.4\0")
            .With("sys/class/dmi/id/product_name", "Ignored\n")
            .With("proc/cpuinfo", Cpuinfo);

        Assert.Equal("Raspberry Pi 4 Model B Rev 1.4", new NodeFactsReader(tree.Root).Read("rpi-1").DeviceModel);
    }

    [Fact]
    public void A_pc_or_vm_is_named_by_its_dmi_product_name()
    {
        using var tree = new FakeKernelTree().With("sys/class/dmi/id/product_name", "OptiPlex 7080\n").With("proc/cpuinfo", Cpuinfo);

        Assert.Equal("OptiPlex 7080", new NodeFactsReader(tree.Root).Read("n").DeviceModel);
    }

    [Theory]
    [InlineData("To be filled by O.E.M.\n")]
    [InlineData("\n")]
    public void A_placeholder_product_name_gives_way_to_the_cpu_model(string productName)
    {
        using var tree = new FakeKernelTree().With("sys/class/dmi/id/product_name", productName).With("proc/cpuinfo", Cpuinfo);

        Assert.Equal("Test CPU @ 3.00GHz", new NodeFactsReader(tree.Root).Read("n").DeviceModel);
    }

    [Fact]
    public void What_the_operator_configured_wins_and_the_device_class_is_kept()
    {
        using var tree = new FakeKernelTree().With("proc/device-tree/model", "Raspberry Pi 4 Model B Rev 1.4\0");

        var facts = new NodeFactsReader(tree.Root).Read("rpi-1", "computer", "Raspberry Pi 4B");

        Assert.Equal("Raspberry Pi 4B", facts.DeviceModel);
        Assert.Equal("computer", facts.DeviceClass);
    }

    [Fact]
    public void The_machine_id_is_the_node_uuid()
    {
        using var tree = new FakeKernelTree().With("etc/machine-id", "4e84996821fc11eda346204ef6b52cc7\n");

        Assert.Equal(Guid.Parse("4e849968-21fc-11ed-a346-204ef6b52cc7"), new NodeFactsReader(tree.Root).Read("n").MachineId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("uninitialized\n")]
    public void Without_a_machine_id_there_is_none(string? content)
    {
        using var tree = new FakeKernelTree();
        if (content is not null)
            tree.With("etc/machine-id", content);

        Assert.Null(new NodeFactsReader(tree.Root).Read("n").MachineId);
    }
}
