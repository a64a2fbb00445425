using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Faas.IntegrationTests.Hosting;
using Orleans.Faas.Storage.Schema;

namespace Orleans.Faas.IntegrationTests.Storage;

/// <summary>A fresh test database with the platform's schema applied, and a data source on it; dropped on dispose.</summary>
internal sealed class MigratedDatabase : IAsyncDisposable
{
    private readonly PostgresTestDatabase _database;

    public NpgsqlDataSource DataSource { get; }

    private MigratedDatabase(PostgresTestDatabase database)
    {
        _database = database;
        DataSource = NpgsqlDataSource.Create(database.ConnectionString);
    }

    public static async Task<MigratedDatabase> Create()
    {
        var migrated = new MigratedDatabase(await PostgresTestDatabase.Create());
        await migrated.ApplySchema();
        return migrated;
    }

    /// <summary>Applies every schema script, as a silo does at each start; returns their names.</summary>
    public Task<IReadOnlyList<string>> ApplySchema() =>
        new SchemaMigrator(DataSource, NullLogger<SchemaMigrator>.Instance).ApplyAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _database.DisposeAsync();
    }
}
