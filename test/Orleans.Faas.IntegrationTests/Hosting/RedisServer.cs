using System.Diagnostics;
using System.Net.Sockets;

namespace Orleans.Faas.IntegrationTests.Hosting;

/// <summary>
/// A real redis-server on a private loopback port with its own data folder and an append-only file, so a restart
/// keeps what it held, as an operator's Redis would. Killed on dispose.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly string _folder;
    private Process? _process;

    public int Port { get; } = FreePorts.Next();

    /// <summary>The StackExchange.Redis configuration string silos and gateways are given.</summary>
    public string Configuration => $"127.0.0.1:{Port},abortConnect=false";

    private RedisServer()
    {
        _folder = Path.Combine(TestEnvironment.WorkFolder, $"redis-{Port}");
        Directory.CreateDirectory(_folder);
    }

    public static async Task<RedisServer> Start()
    {
        var server = new RedisServer();
        await server.StartProcess();
        return server;
    }

    /// <summary>Stops the server the way an operator would (SIGTERM, it writes its data) and starts it again.</summary>
    public async Task Restart()
    {
        await Stop();
        await StartProcess();
    }

    /// <summary>Stops the server and starts it again with its data gone, as after losing its disk or a FLUSHALL.</summary>
    public async Task RestartEmpty()
    {
        await Stop();
        Directory.Delete(_folder, recursive: true);
        Directory.CreateDirectory(_folder);
        await StartProcess();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
    }

    private async Task Stop()
    {
        if (_process is null)
            return;
        Signals.Terminate(_process);
        await _process.WaitForExitAsync().WaitAsync(StartTimeout);
        _process.Dispose();
        _process = null;
    }

    private async Task StartProcess()
    {
        var start = new ProcessStartInfo("redis-server") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", _folder, "--appendonly", "yes",
            "--save", "", "--daemonize", "no", "--logfile", Path.Combine(_folder, "redis.log"),
            "--pidfile", Path.Combine(_folder, "redis.pid"),
        })
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");

        await Poll.UntilAsync(
            async () => _process.HasExited ? throw new InvalidOperationException($"redis-server on port {Port} exited; see {_folder}/redis.log.") : await Answers(),
            StartTimeout, $"redis-server on port {Port} to come up (see {_folder}/redis.log)");
    }

    private async Task<bool> Answers()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            await using var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var reply = new byte[7];
            var read = await stream.ReadAsync(reply);
            return System.Text.Encoding.ASCII.GetString(reply, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
