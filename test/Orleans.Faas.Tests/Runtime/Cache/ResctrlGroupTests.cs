using Orleans.Faas.Runtime.Cache.Allocation;

namespace Orleans.Faas.Tests.Runtime.Cache;

public sealed class ResctrlGroupTests : IDisposable
{
    private const string Name = "orleans-faas-n@c0ffee";
    private const string Schemata = "L3:0=00f;1=00f\n";
    private const string Container = "sys/fs/cgroup/system.slice/docker-c0ffee.scope";

    private readonly FakeKernelTree _tree = new FakeKernelTree().WithResctrl().With($"{Container}/cgroup.threads", "10\n11\n12\n");
    private readonly FakeResctrlKernel _kernel = new();

    private string ContainerCgroup => Path.Combine(_tree.Root, Container);

    private string GroupFolder => Path.Combine(_tree.ResctrlRoot, Name);

    [Fact]
    public void A_group_gets_its_schemata_and_every_thread_of_the_container_one_per_write()
    {
        using var group = Create(_kernel);

        Assert.Equal(GroupFolder, group.Folder);
        Assert.Equal(Schemata, File.ReadAllText(Path.Combine(GroupFolder, "schemata")));
        Assert.Equal("10\n11\n12\n", File.ReadAllText(Path.Combine(GroupFolder, "tasks")));
        Assert.Equal([10, 11, 12], _kernel.Moved);
    }

    [Fact]
    public void Disposing_removes_the_group_once()
    {
        var group = Create(_kernel);

        group.Dispose();
        group.Dispose();

        Assert.False(Directory.Exists(GroupFolder));
    }

    [Fact]
    public void When_moving_fails_midway_the_group_is_removed()
    {
        var refusing = new FakeResctrlKernel { RefusedThread = 11 };

        var failure = Assert.Throws<IOException>(() => Create(refusing));

        Assert.Equal("Invalid argument", failure.Message);
        Assert.Equal([10], refusing.Moved);
        Assert.False(Directory.Exists(GroupFolder));
    }

    [Fact]
    public void When_the_container_is_gone_the_group_is_removed()
    {
        Directory.Delete(ContainerCgroup, recursive: true);

        var failure = Assert.Throws<IOException>(() => Create(_kernel));

        Assert.Contains("the container is gone", failure.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(GroupFolder));
    }

    [Fact]
    public void A_cancelled_move_removes_the_group()
    {
        using var cancelled = new CancellationTokenSource();
        var cancelling = new FakeResctrlKernel { AfterMove = _ => cancelled.Cancel() };

        Assert.Throws<OperationCanceledException>(() => ResctrlGroup.Create(_tree.ResctrlRoot, Name, Schemata, ContainerCgroup, cancelling, cancelled.Token));

        Assert.Equal([10], cancelling.Moved);
        Assert.False(Directory.Exists(GroupFolder));
    }

    [Fact]
    public void A_group_that_exists_already_is_left_alone()
    {
        using var first = Create(_kernel);

        Assert.Throws<IOException>(() => Create(_kernel));

        Assert.Equal("10\n11\n12\n", File.ReadAllText(Path.Combine(GroupFolder, "tasks")));
    }

    [Fact]
    public void The_sweep_removes_this_nodes_leftover_groups_and_nothing_else()
    {
        foreach (var name in new[] { "orleans-faas-n@a", "orleans-faas-n@b", "orleans-faas-n.2@c", "orleans-faas-m@d", "mine" })
            _kernel.MakeGroup(Path.Combine(_tree.ResctrlRoot, name));

        var removed = ResctrlGroup.RemoveLeftovers(_tree.ResctrlRoot, "n", _kernel);

        Assert.Equal(["orleans-faas-n@a", "orleans-faas-n@b"], removed.Order());
        Assert.Equal(["info", "mine", "orleans-faas-m@d", "orleans-faas-n.2@c"],
            Directory.EnumerateDirectories(_tree.ResctrlRoot).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Group_names_carry_the_node_and_the_container() =>
        Assert.Equal("orleans-faas-edge-1@docker-c0ffee.scope", ResctrlGroup.NameFor("edge-1", "docker-c0ffee.scope"));

    public void Dispose() => _tree.Dispose();

    private ResctrlGroup Create(ResctrlKernel kernel) =>
        ResctrlGroup.Create(_tree.ResctrlRoot, Name, Schemata, ContainerCgroup, kernel, CancellationToken.None);
}
