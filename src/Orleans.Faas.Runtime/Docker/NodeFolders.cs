using System.Globalization;
using Orleans.Faas.Runtime.Files;

namespace Orleans.Faas.Runtime.Docker;

/// <summary>
/// The node's own folders for its containers (<see cref="OwnFolder"/>): the socket folder their agents connect through,
/// held under the node's <see cref="NodeLock"/>, and the folder their secrets are mounted from, with a numbered pair of
/// folders inside for each container. What a crashed predecessor left there is cleared, as its containers are by the
/// leftover sweep; disposing removes both.
/// </summary>
internal sealed class NodeFolders : IDisposable
{
    private readonly DirectoryInfo _sockets;
    private readonly NodeLock _lock;
    private readonly DirectoryInfo _secrets;
    private int _lastContainer;

    private NodeFolders(DirectoryInfo sockets, NodeLock held, DirectoryInfo secrets) => (_sockets, _lock, _secrets) = (sockets, held, secrets);

    /// <exception cref="InvalidOperationException">Another process runs the node, or a folder's path holds what is not this user's own.</exception>
    public static NodeFolders Take(DockerOptions options)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("Docker functions run on Linux nodes: the agent's socket is a unix socket.");
        var sockets = Path.Combine(options.SocketParent ?? Path.GetTempPath(), $"ofaas-{options.Node}");
        var held = NodeLock.Take($"{sockets}.lock", options.Node);
        try
        {
            // Both made under the lock: no live process of this node uses what they clear.
            return new NodeFolders(
                OwnFolder.CreateNew(sockets), held, OwnFolder.CreateNew(Path.Combine(options.SecretsParent, $"ofaas-secrets-{options.Node}")));
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>A new container's folders: its agent's socket folder, and its secrets folder when it has secrets. Neither exists yet.</summary>
    public (string Agent, string? Secrets) ForContainer(bool withSecrets)
    {
        var number = Interlocked.Increment(ref _lastContainer).ToString(CultureInfo.InvariantCulture);
        return (Path.Combine(_sockets.FullName, number), withSecrets ? Path.Combine(_secrets.FullName, number) : null);
    }

    public void Dispose()
    {
        try
        {
            _sockets.Delete(recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was ever started.
        }
        _lock.Dispose();
        _secrets.Delete(recursive: true);
    }
}
