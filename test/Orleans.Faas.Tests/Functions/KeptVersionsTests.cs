using Orleans.Faas.Functions;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Functions;

public sealed class KeptVersionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    [Fact]
    public void Versions_replaced_within_the_retention_are_kept_and_older_ones_pruned()
    {
        // Version 2 replaced version 1 eight days ago; version 3 replaced version 2 two days ago.
        var versions = Versions(Now.AddDays(-9), Now.AddDays(-8), Now.AddDays(-2));

        KeptVersions.Prune(versions, Now, Retention);

        Assert.Equal([2, 3], versions.Select(v => v.Version));
    }

    [Fact]
    public void The_latest_is_always_kept_and_at_most_a_bounded_number_of_earlier_ones()
    {
        var old = Versions(Now.AddDays(-30));
        KeptVersions.Prune(old, Now, Retention);
        Assert.Equal([1], old.Select(v => v.Version));

        var burst = Versions([.. Enumerable.Range(0, 25).Select(i => Now.AddMinutes(i - 25))]);
        KeptVersions.Prune(burst, Now, Retention);
        Assert.Equal(Enumerable.Range(25 - KeptVersions.MaxEarlier, KeptVersions.MaxEarlier + 1), burst.Select(v => v.Version));
    }

    private static List<FunctionVersion> Versions(params DateTimeOffset[] registeredAt) =>
        [.. registeredAt.Select((at, i) => new FunctionVersion(FaasClusterFixture.Script("fn", "echo"), i + 1, at))];
}
