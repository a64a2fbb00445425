using Orleans.Faas.Runtime.Cache.Allocation;

namespace Orleans.Faas.Tests.Runtime.Cache;

public sealed class CacheKneeTests
{
    [Fact]
    public void The_knee_is_the_fewest_ways_within_the_tolerance_of_the_most_ways() =>
        Assert.Equal(4, CacheKnee.Find([(1, 300), (2, 200), (3, 130), (4, 104), (6, 101), (8, 100), (12, 100)]));

    [Fact]
    public void Unsorted_points_give_the_same_knee() =>
        Assert.Equal(4, CacheKnee.Find([(12, 100), (3, 130), (8, 100), (1, 300), (6, 101), (4, 104), (2, 200)]));

    [Fact]
    public void One_point_is_its_own_knee() =>
        Assert.Equal(6, CacheKnee.Find([(6, 250)]));

    [Fact]
    public void A_function_that_needs_no_cache_needs_the_fewest_ways_measured() =>
        Assert.Equal(1, CacheKnee.Find([(1, 51), (2, 50), (4, 52), (12, 50)]));

    [Fact]
    public void A_function_that_gains_up_to_the_last_way_needs_them_all() =>
        Assert.Equal(12, CacheKnee.Find([(1, 400), (4, 250), (8, 180), (11, 120), (12, 100)]));

    [Fact]
    public void A_lucky_fast_run_with_few_ways_does_not_pass_for_the_knee() =>
        Assert.Equal(6, CacheKnee.Find([(1, 99), (2, 180), (4, 150), (6, 103), (8, 98), (12, 100)]));

    [Fact]
    public void Runs_faster_than_with_the_most_ways_are_within_the_tolerance() =>
        Assert.Equal(3, CacheKnee.Find([(2, 140), (3, 96), (4, 97), (8, 95), (12, 100)]));

    [Theory]
    [InlineData(0.05, 8)]
    [InlineData(0.10, 4)]
    [InlineData(0.50, 2)]
    [InlineData(0.0, 12)]
    public void A_wider_tolerance_settles_for_fewer_ways(double tolerance, int knee) =>
        Assert.Equal(knee, CacheKnee.Find([(1, 200), (2, 140), (4, 108), (8, 103), (12, 100)], tolerance));

    [Fact]
    public void No_points_are_refused() =>
        Assert.Throws<ArgumentException>(() => CacheKnee.Find([]));

    [Fact]
    public void Two_runtimes_for_one_way_count_are_refused() =>
        Assert.Throws<ArgumentException>(() => CacheKnee.Find([(4, 100), (4, 120)]));

    [Fact]
    public void A_negative_tolerance_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CacheKnee.Find([(4, 100)], -0.01));
}
