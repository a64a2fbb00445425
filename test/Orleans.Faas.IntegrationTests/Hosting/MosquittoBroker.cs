using System.Diagnostics;
using System.Net.Sockets;

namespace Orleans.Faas.IntegrationTests.Hosting;

/// <summary>
/// A real mosquitto broker on a private loopback port with its own configuration and persistence folder, so a
/// restart keeps the sessions and messages it held, as an operator's broker would. Killed on dispose.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly string _folder;
    private Process? _process;

    public int Port { get; } = FreePorts.Next();

    /// <summary>The broker URL a trigger is given.</summary>
    public string Url => $"mqtt://127.0.0.1:{Port}";

    public string LogPath => Path.Combine(_folder, "mosquitto.log");

    private MosquittoBroker()
    {
        _folder = Path.Combine(TestEnvironment.WorkFolder, $"mosquitto-{Port}");
        Directory.CreateDirectory(_folder);
        // Messages for an offline persistent session are queued without a limit, so none is dropped while its subscriber moves.
        // Started as root, mosquitto would become the user 'mosquitto', who cannot write to the folder: it stays who it is.
        File.WriteAllLines(Path.Combine(_folder, "mosquitto.conf"),
        [
            $"listener {Port} 127.0.0.1",
            "allow_anonymous true",
            "persistence true",
            $"persistence_location {_folder}/",
            "max_queued_messages 0",
            $"log_dest file {LogPath}",
            "log_type all",
            $"pid_file {_folder}/mosquitto.pid",
            $"user {Environment.UserName}",
        ]);
    }

    public static async Task<MosquittoBroker> Start()
    {
        var broker = new MosquittoBroker();
        await broker.StartProcess();
        return broker;
    }

    /// <summary>Stops the broker the way an operator would (SIGTERM, it saves its sessions and messages) and starts it again.</summary>
    public async Task Restart()
    {
        Signals.Terminate(_process!);
        await _process!.WaitForExitAsync().WaitAsync(StartTimeout);
        _process.Dispose();
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

    private async Task StartProcess()
    {
        var start = new ProcessStartInfo("mosquitto") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Path.Combine(_folder, "mosquitto.conf"));
        _process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto did not start.");
        await Poll.UntilAsync(
            async () => _process.HasExited ? throw new InvalidOperationException($"mosquitto on port {Port} exited; see {LogPath}.") : await Answers(),
            StartTimeout, $"mosquitto on port {Port} to come up (see {LogPath})");
    }

    private async Task<bool> Answers()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
