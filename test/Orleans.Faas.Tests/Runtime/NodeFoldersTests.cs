using Orleans.Faas.Runtime.Docker;

namespace Orleans.Faas.Tests.Runtime;

public sealed class NodeFoldersTests : IDisposable
{
    private readonly DirectoryInfo _parent = Directory.CreateTempSubdirectory("faas-node-folders-");
    private readonly DockerOptions _options;

    public NodeFoldersTests() =>
        _options = new DockerOptions { Node = $"n-{Guid.NewGuid():N}"[..12], SocketParent = _parent.FullName, SecretsParent = _parent.FullName };

    public void Dispose() => _parent.Delete(recursive: true);

    [Fact]
    public void Each_container_gets_its_own_numbered_pair_of_folders_and_a_secrets_folder_only_when_it_has_secrets()
    {
        using var folders = NodeFolders.Take(_options);

        var first = folders.ForContainer(withSecrets: true);
        var second = folders.ForContainer(withSecrets: false);

        Assert.Equal(Path.Combine(_parent.FullName, $"ofaas-{_options.Node}", "1"), first.Agent);
        Assert.Equal(Path.Combine(_parent.FullName, $"ofaas-secrets-{_options.Node}", "1"), first.Secrets);
        Assert.Equal((Path.Combine(_parent.FullName, $"ofaas-{_options.Node}", "2"), (string?)null), second);
    }

    [Fact]
    public void A_second_take_of_the_node_is_refused_until_the_first_is_disposed_which_removes_its_folders_and_lock()
    {
        var first = NodeFolders.Take(_options);

        var refused = Assert.Throws<InvalidOperationException>(() => NodeFolders.Take(_options));
        first.Dispose();

        Assert.Contains($"Node '{_options.Node}' already runs on this host", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_parent.EnumerateFileSystemInfos());
        NodeFolders.Take(_options).Dispose();
    }

    [Fact]
    public void A_secrets_folder_that_cannot_be_made_lets_go_of_the_lock()
    {
        var link = Path.Combine(_parent.FullName, $"ofaas-secrets-{_options.Node}");
        Directory.CreateSymbolicLink(link, _parent.FullName);

        Assert.Throws<InvalidOperationException>(() => NodeFolders.Take(_options));
        File.Delete(link);

        NodeFolders.Take(_options).Dispose();
    }
}
