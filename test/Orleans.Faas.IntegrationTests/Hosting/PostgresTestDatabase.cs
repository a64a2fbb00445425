using Npgsql;

namespace Orleans.Faas.IntegrationTests.Hosting;

/// <summary>A fresh, uniquely named database on the test script's PostgreSQL server, dropped on dispose.</summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly string _name;

    public string ConnectionString { get; }

    private PostgresTestDatabase(string name)
    {
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = name }.ConnectionString;
    }

    public static async Task<PostgresTestDatabase> Create()
    {
        var database = new PostgresTestDatabase($"faas_test_{Guid.NewGuid():N}");
        await OnServer($"CREATE DATABASE {database._name}");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await OnServer($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private static async Task OnServer(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(TestEnvironment.PostgresServer);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
