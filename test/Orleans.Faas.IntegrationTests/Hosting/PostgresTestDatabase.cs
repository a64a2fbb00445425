using Npgsql;

namespace Orleans.Faas.IntegrationTests.Hosting;

/// <summary>A fresh, uniquely named database on the test script's PostgreSQL server (or another), dropped on dispose.</summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly string _name;
    private readonly string _server;

    public string ConnectionString { get; }

    private PostgresTestDatabase(string server, string name)
    {
        (_server, _name) = (server, name);
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static async Task<PostgresTestDatabase> Create(string? server = null)
    {
        var database = new PostgresTestDatabase(server ?? TestEnvironment.PostgresServer, $"faas_test_{Guid.NewGuid():N}");
        await database.OnServer($"CREATE DATABASE {database._name}");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await OnServer($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private async Task OnServer(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(_server);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
