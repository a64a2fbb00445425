using Npgsql;

namespace Orleans.Faas.IntegrationTests.Hosting;

/// <summary>
/// A PostgreSQL server of a test's own, on a private port and data folder, for tests that stop and start it; the
/// test script's server is shared by every test and must stay up. It runs as the postgres user, as PostgreSQL refuses
/// root. Stopped on dispose.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _bin = Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
        .OrderBy(path => path, StringComparer.Ordinal).LastOrDefault() ?? throw new InvalidOperationException("No PostgreSQL server under /usr/lib/postgresql.");

    public int Port { get; } = FreePorts.Next();

    /// <summary>A connection string to the server's postgres database, as PostgresTestDatabase takes it.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres";

    private PostgresServer() => _folder = Path.Combine(TestEnvironment.WorkFolder, $"postgres-{Port}");

    public static async Task<PostgresServer> Start()
    {
        var server = new PostgresServer();
        Directory.CreateDirectory(Path.Combine(server._folder, "socket"));
        await Run("chown", "-R", "postgres:postgres", server._folder);
        await server.AsPostgres("initdb", "-D", server.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8");
        await server.Resume();
        return server;
    }

    /// <summary>Stops the server as an operator would (a fast shutdown: every connection is cut).</summary>
    public Task Stop() => AsPostgres("pg_ctl", "-D", Data, "-m", "fast", "-w", "-t", "60", "stop");

    /// <summary>Starts the stopped server again on the same port and data.</summary>
    public Task Resume() => AsPostgres("pg_ctl", "-D", Data, "-l", Path.Combine(_folder, "postgres.log"), "-w", "-t", "60",
        "-o", $"-c listen_addresses=127.0.0.1 -c port={Port} -c unix_socket_directories={_folder}/socket -c fsync=off", "start");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await AsPostgres("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
    }

    private string Data => Path.Combine(_folder, "data");

    private Task AsPostgres(string program, params string[] arguments) =>
        Run("runuser", ["-u", "postgres", "--", Path.Combine(_bin, program), .. arguments]);

    private static async Task Run(string program, params string[] arguments)
    {
        var run = await Programs.Run(program, arguments);
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {run}");
    }
}
