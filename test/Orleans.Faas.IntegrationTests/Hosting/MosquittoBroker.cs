namespace Orleans.Faas.IntegrationTests.Hosting;

/// <summary>
/// A real mosquitto broker on a private loopback port with its own configuration and persistence folder, so a
/// restart keeps the sessions and messages it held, as an operator's broker would. Killed on dispose.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly LocalServer _server;

    public int Port { get; } = FreePorts.Next();

    /// <summary>The broker URL a trigger is given.</summary>
    public string Url => $"mqtt://127.0.0.1:{Port}";

    public string LogPath { get; }

    private MosquittoBroker()
    {
        var folder = Path.Combine(TestEnvironment.WorkFolder, $"mosquitto-{Port}");
        Directory.CreateDirectory(folder);
        LogPath = Path.Combine(folder, "mosquitto.log");
        var config = Path.Combine(folder, "mosquitto.conf");
        // Messages for an offline persistent session are queued without a limit, so none is dropped while its subscriber moves.
        // Started as root, mosquitto would become the user 'mosquitto', who cannot write to the folder: it stays who it is.
        File.WriteAllLines(config,
        [
            $"listener {Port} 127.0.0.1",
            "allow_anonymous true",
            "persistence true",
            $"persistence_location {folder}/",
            "max_queued_messages 0",
            "log_dest stdout",
            "log_type all",
            $"pid_file {folder}/mosquitto.pid",
            $"user {Environment.UserName}",
        ]);
        _server = new LocalServer("mosquitto", ["-c", config], LogPath, () => LocalServer.Accepts(Port));
    }

    public static async Task<MosquittoBroker> Start()
    {
        var broker = new MosquittoBroker();
        await broker._server.Start();
        return broker;
    }

    /// <summary>Stops the broker the way an operator would (SIGTERM, it saves its sessions and messages) and starts it again.</summary>
    public async Task Restart()
    {
        await _server.Stop();
        await _server.Start();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
