using Orleans.Faas.Models;
using Orleans.Faas.Storage.Models;
using static Orleans.Faas.IntegrationTests.Storage.SampleModels;

namespace Orleans.Faas.IntegrationTests.Storage;

/// <summary>The model store against a real PostgreSQL with the real schema; every test starts from an empty store.</summary>
public sealed class PostgresModelStoreTests : IAsyncLifetime
{
    private MigratedDatabase? _database;
    private PostgresModelStore? _store;

    private PostgresModelStore Store => _store!;

    public async Task InitializeAsync()
    {
        _database = await MigratedDatabase.Create();
        _store = new PostgresModelStore(_database.DataSource);
    }

    public async Task DisposeAsync() => await _database!.DisposeAsync();

    [Fact]
    public async Task Versions_are_one_two_three_whatever_the_info_says()
    {
        var added = new List<ModelVersionInfo>();
        foreach (var promoted in new[] { true, false, true })
            added.Add(await Store.AddAsync(Info(promoted), [1, 2, 3], CancellationToken.None));

        Assert.Equal([1, 2, 3], added.Select(i => i.Version));
        Assert.Equal(Info(promoted: false) with { Version = 2 }, added[1]);
    }

    [Fact]
    public async Task Adds_at_the_same_time_take_consecutive_versions()
    {
        var added = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Store.AddAsync(Info(promoted: true), [7], CancellationToken.None)));

        Assert.Equal(Enumerable.Range(1, 12), added.Select(i => i.Version).Order());
        Assert.Equal(12, await Store.GetCurrentVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_current_model_is_the_highest_promoted_version()
    {
        Assert.Null(await Store.GetCurrentAsync(CancellationToken.None));
        Assert.Null(await Store.GetCurrentVersionAsync(CancellationToken.None));

        await Store.AddAsync(Info(promoted: false), [1], CancellationToken.None);
        Assert.Null(await Store.GetCurrentAsync(CancellationToken.None));
        Assert.Null(await Store.GetCurrentVersionAsync(CancellationToken.None));

        var promoted = await Store.AddAsync(Info(promoted: true), [2], CancellationToken.None);
        await Store.AddAsync(Info(promoted: false), [3], CancellationToken.None);

        var current = await Store.GetCurrentAsync(CancellationToken.None);
        Assert.Equal(promoted, current?.Info);
        Assert.Equal([2], current?.Bytes);
        Assert.Equal(2, await Store.GetCurrentVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_list_is_newest_first_and_holds_at_most_the_limit()
    {
        var added = new List<ModelVersionInfo>();
        foreach (var promoted in new[] { true, false, true, false })
            added.Add(await Store.AddAsync(Info(promoted), [1], CancellationToken.None));

        Assert.Equal(Enumerable.Reverse(added), await List(10));
        Assert.Equal([added[3], added[2]], await List(2));
        Assert.Empty(await List(0));
    }

    [Fact]
    public async Task A_model_reads_back_as_it_was_added_bytes_and_metrics_alike()
    {
        var bytes = new byte[3 << 20];
        Random.Shared.NextBytes(bytes);
        // Metrics can be NaN or infinite (an R² over identical wall times, a MAPE over a zero one); the store keeps them.
        var info = Info(promoted: true, incumbent: Metrics(61.75) with { R2 = double.NaN, Mape = double.PositiveInfinity });

        var added = await Store.AddAsync(info, bytes, CancellationToken.None);
        var current = await Store.GetCurrentAsync(CancellationToken.None);

        Assert.Equal(info with { Version = 1 }, added);
        Assert.Equal(added, current?.Info);
        Assert.Equal(bytes, current?.Bytes);
        Assert.Equal([added], await List(1));
    }

    // xunit compares an ImmutableArray by its own Equals, which is reference equality (xunit/xunit#3137); an array item by item.
    private async Task<ModelVersionInfo[]> List(int limit) => [.. await Store.ListAsync(limit, CancellationToken.None)];
}
