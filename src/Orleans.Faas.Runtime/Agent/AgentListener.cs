using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Orleans.Faas.Runtime.Agent;

/// <summary>
/// The node's end of one container's agent connection: a unix socket the node listens on, in a folder of its own that
/// the container mounts read-only, which the agent connects out to. The node so never connects to a path the container
/// could change; it takes one connection and then stops listening, so nothing else in the container can connect later.
/// </summary>
internal sealed class AgentListener : IDisposable
{
    public const string SocketName = "agent.sock";

    // Linux's SOL_SOCKET and SO_PEERCRED, which .NET does not name; the answer is struct ucred { pid, uid, gid }.
    private const int SocketLevel = 1;
    private const int PeerCredentials = 17;

    // Whoever the container runs as may connect: connecting needs write permission on the socket, not on its folder.
    private const UnixFileMode AnyoneConnects = (UnixFileMode)0b110_110_110;

    private readonly Socket _socket;
    private readonly string _path;

    private AgentListener(Socket socket, string path)
    {
        _socket = socket;
        _path = path;
    }

    /// <param name="folder">A new folder only this process can write in.</param>
    [UnsupportedOSPlatform("windows")]
    public static AgentListener Open(string folder)
    {
        var path = Path.Combine(folder, SocketName);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(path));
            File.SetUnixFileMode(path, AnyoneConnects);
            socket.Listen(1);
            return new AgentListener(socket, path);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Takes the first connection and stops listening.</summary>
    /// <returns>The connection and the process id (in this process's pid namespace) of whoever connected.</returns>
    public async Task<(Socket Connection, int PeerPid)> AcceptOnceAsync(CancellationToken cancellationToken)
    {
        var connection = await _socket.AcceptAsync(cancellationToken);
        Dispose();
        try
        {
            Span<byte> credentials = stackalloc byte[12];
            connection.GetRawSocketOption(SocketLevel, PeerCredentials, credentials);
            return (connection, MemoryMarshal.Read<int>(credentials));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Stops listening and removes the socket file; safe to call twice.</summary>
    public void Dispose()
    {
        _socket.Dispose();
        File.Delete(_path);
    }
}
