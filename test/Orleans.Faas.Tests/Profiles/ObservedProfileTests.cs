using Orleans.Faas.Profiles;

namespace Orleans.Faas.Tests.Profiles;

public sealed class ObservedProfileTests
{
    private static ExecutionSample Run(long size, double wallMs) => new(size, wallMs, null, null, null, null, null, null);

    [Fact]
    public void Runs_of_nearby_sizes_share_a_point_and_each_bucket_keeps_only_its_latest_runs()
    {
        var profile = new ObservedProfile();
        profile.Add([Run(1000, 5), Run(1010, 7), Run(1_000_000, 900)], DateTimeOffset.UnixEpoch);
        profile.Add(Enumerable.Range(0, ObservedProfile.SamplesPerBucket).Select(_ => Run(1000, 6)), DateTimeOffset.UnixEpoch);

        var points = profile.Points(functionVersion: 3).OrderBy(p => p.InputSize).ToList();

        Assert.Equal(2, points.Count);
        Assert.Equal(ObservedProfile.SamplesPerBucket, points[0].Stats.Samples);
        Assert.Equal(6, points[0].Stats.WallMs);
        Assert.Equal(1_000_000, points[1].InputSize);
        Assert.All(points, p => Assert.Equal(ProfileSource.Observed, p.Source));
    }
}
