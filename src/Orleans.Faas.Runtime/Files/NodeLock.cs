namespace Orleans.Faas.Runtime.Files;

/// <summary>
/// An exclusive lock file held for a node's life on this host, so a second process for the same node is refused
/// instead of pulling the node's folders from under the first. Disposing releases and removes it.
/// </summary>
internal sealed class NodeLock : IDisposable
{
    private readonly FileStream _held;

    private NodeLock(FileStream held) => _held = held;

    /// <exception cref="InvalidOperationException">Another process holds the lock, or the path holds what is not this user's own file.</exception>
    public static NodeLock Take(string path, string node)
    {
        OwnFolder.ThrowIfForeign(path);
        try
        {
            return new NodeLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e)
        {
            throw new InvalidOperationException(
                $"Node '{node}' already runs on this host: another process holds {path}. Node names must be unique.", e);
        }
    }

    public void Dispose()
    {
        _held.Dispose();
        File.Delete(_held.Name);
    }
}
