using System.Net.Sockets;
using System.Text;

namespace Orleans.Faas.IntegrationTests.Hosting;

/// <summary>
/// A real redis-server on a private loopback port with its own data folder and an append-only file, so a restart
/// keeps what it held, as an operator's Redis would. Killed on dispose.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _folder;
    private readonly LocalServer _server;

    public int Port { get; } = FreePorts.Next();

    /// <summary>The StackExchange.Redis configuration string silos and gateways are given.</summary>
    public string Configuration => $"127.0.0.1:{Port},abortConnect=false";

    private RedisServer()
    {
        _folder = Path.Combine(TestEnvironment.WorkFolder, $"redis-{Port}");
        Directory.CreateDirectory(_folder);
        // Without a log file, a server that does not daemonize logs to its standard output; kept beside its data folder, which RestartEmpty deletes.
        _server = new LocalServer("redis-server",
            [
                "--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", _folder, "--appendonly", "yes",
                "--save", "", "--daemonize", "no", "--pidfile", Path.Combine(_folder, "redis.pid"),
            ],
            Path.Combine(TestEnvironment.WorkFolder, $"redis-{Port}.log"), Pings);
    }

    public static async Task<RedisServer> Start()
    {
        var server = new RedisServer();
        await server._server.Start();
        return server;
    }

    /// <summary>Stops the server the way an operator would (SIGTERM, it writes its data) and starts it again.</summary>
    public async Task Restart()
    {
        await _server.Stop();
        await _server.Start();
    }

    /// <summary>Stops the server and starts it again with its data gone, as after losing its disk or a FLUSHALL.</summary>
    public async Task RestartEmpty()
    {
        await _server.Stop();
        Directory.Delete(_folder, recursive: true);
        Directory.CreateDirectory(_folder);
        await _server.Start();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task<bool> Pings()
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port);
        await using var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray());
        var reply = new byte[7];
        var read = await stream.ReadAsync(reply);
        return Encoding.ASCII.GetString(reply, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
    }
}
