using Orleans.Faas.Models;
using Orleans.Faas.Prediction.Store;

namespace Orleans.Faas.Tests.Prediction;

public sealed class InMemoryModelStoreTests
{
    private static readonly ModelMetrics Metrics = new(10, 0.1, 0.9, 100, 5);

    private static ModelVersionInfo Info(bool promoted) =>
        new(Version: 0, "fasttree", DateTimeOffset.UnixEpoch, TrainingRows: 100, Metrics, Metrics, Incumbent: null, promoted);

    [Fact]
    public async Task Versions_count_up_from_one_and_the_current_model_is_the_latest_promoted()
    {
        var store = new InMemoryModelStore();
        var ct = CancellationToken.None;
        Assert.Null(await store.GetCurrentAsync(ct));
        Assert.Null(await store.GetCurrentVersionAsync(ct));

        var first = await store.AddAsync(Info(promoted: true), [1], ct);
        var second = await store.AddAsync(Info(promoted: false), [2], ct);
        var third = await store.AddAsync(Info(promoted: true), [3], ct);
        var fourth = await store.AddAsync(Info(promoted: false), [4], ct);

        Assert.Equal([1, 2, 3, 4], new[] { first, second, third, fourth }.Select(i => i.Version));
        Assert.Equal(3, await store.GetCurrentVersionAsync(ct));
        var current = await store.GetCurrentAsync(ct);
        Assert.Equal(third, current!.Info);
        Assert.Equal([3], current.Bytes);
        Assert.Equal([4, 3], (await store.ListAsync(2, ct)).Select(i => i.Version));
    }

    [Fact]
    public async Task Only_the_newest_versions_are_listed_and_the_current_model_stays_however_old()
    {
        var store = new InMemoryModelStore();
        var ct = CancellationToken.None;

        await store.AddAsync(Info(promoted: true), [1], ct);
        for (var i = 0; i < InMemoryModelStore.KeptVersions + 4; i++)
            await store.AddAsync(Info(promoted: false), [2], ct);

        var listed = await store.ListAsync(InMemoryModelStore.KeptVersions + 10, ct);
        Assert.Equal(Enumerable.Range(6, InMemoryModelStore.KeptVersions).Reverse(), listed.Select(i => i.Version));
        var current = await store.GetCurrentAsync(ct);
        Assert.Equal(1, current!.Info.Version);
        Assert.Equal([1], current.Bytes);
    }

    [Fact]
    public async Task Models_added_at_once_each_get_their_own_version()
    {
        var store = new InMemoryModelStore();

        var added = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => store.AddAsync(Info(promoted: true), [], CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, 50), added.Select(i => i.Version).Order());
        Assert.Equal(50, (await store.ListAsync(100, CancellationToken.None)).Length);
    }
}
