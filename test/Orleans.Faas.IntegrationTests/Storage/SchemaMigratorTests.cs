using Orleans.Faas.Storage.Models;
using static Orleans.Faas.IntegrationTests.Storage.SampleModels;

namespace Orleans.Faas.IntegrationTests.Storage;

/// <summary>The schema scripts against a real PostgreSQL, applied the way every silo start applies them.</summary>
public sealed class SchemaMigratorTests : IAsyncLifetime
{
    private MigratedDatabase? _database;

    public async Task InitializeAsync() => _database = await MigratedDatabase.Create();

    public async Task DisposeAsync() => await _database!.DisposeAsync();

    [Fact]
    public async Task Applying_every_script_again_keeps_what_is_stored()
    {
        var store = new PostgresModelStore(_database!.DataSource);
        var added = await store.AddAsync(Info(promoted: true), [4, 2], CancellationToken.None);

        var applied = await _database.ApplySchema();

        Assert.Contains("007-faas-models-and-predictions.sql", applied);
        Assert.Equal(added, (await store.GetCurrentAsync(CancellationToken.None))?.Info);
    }
}
