using Orleans.Faas.Runtime.Cache.Allocation;

namespace Orleans.Faas.Tests.Runtime.Cache;

public sealed class CacheWayAllocatorTests
{
    private static CacheWayAllocator Allocator(int ways = 12, int minWays = 1, ulong? shareable = null) =>
        new(new L3Geometry(ways, minWays, [0], shareable));

    [Fact]
    public void Tasks_get_ways_nobody_holds_while_there_are_any()
    {
        var allocator = Allocator();

        Assert.Equal([0x00fUL, 0x0f0UL, 0xf00UL], [allocator.Take(4).Mask, allocator.Take(4).Mask, allocator.Take(4).Mask]);
    }

    [Fact]
    public void A_task_takes_the_free_ways_that_another_task_gave_back()
    {
        var allocator = Allocator();
        using var first = allocator.Take(4);
        var second = allocator.Take(4);
        using var third = allocator.Take(4);

        second.Dispose();

        Assert.Equal(0x0f0UL, allocator.Take(4).Mask);
    }

    [Fact]
    public void A_run_longer_than_the_free_ways_overlaps_as_few_held_ways_as_it_can()
    {
        var allocator = Allocator();
        using var first = allocator.Take(8);

        Assert.Equal(0xff0UL, allocator.Take(8).Mask);
    }

    [Fact]
    public void Once_every_way_is_held_tasks_share_the_least_used_ways()
    {
        var allocator = Allocator();
        using var whole = allocator.Take(12);

        Assert.Equal(0x003UL, allocator.Take(2).Mask);
        Assert.Equal(0x00cUL, allocator.Take(2).Mask);
        Assert.Equal(0x030UL, allocator.Take(2).Mask);
    }

    [Fact]
    public void Ways_that_devices_fill_too_are_taken_last()
    {
        var allocator = Allocator(shareable: 0x003);

        Assert.Equal(0x03cUL, allocator.Take(4).Mask);
    }

    [Fact]
    public void Giving_ways_back_twice_returns_them_once()
    {
        var allocator = Allocator();
        var grant = allocator.Take(4);
        grant.Dispose();
        grant.Dispose();

        using var again = allocator.Take(4);

        Assert.Equal(0x0f0UL, allocator.Take(4).Mask);
    }

    [Theory]
    [InlineData(1, 2, 2, 0x003UL)]
    [InlineData(20, 1, 12, 0xfffUL)]
    [InlineData(1, 0, 1, 0x001UL)]
    [InlineData(5, 2, 5, 0x01fUL)]
    public void The_ways_asked_for_are_clamped_to_what_a_group_may_hold(int asked, int minWays, int expectedWays, ulong expectedMask)
    {
        var grant = Allocator(minWays: minWays).Take(asked);

        Assert.Equal(expectedWays, grant.Count);
        Assert.Equal(expectedMask, grant.Mask);
    }

    [Fact]
    public void Asking_for_no_ways_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Allocator().Take(0));

    [Fact]
    public void A_64_way_cache_can_be_given_whole() =>
        Assert.Equal(ulong.MaxValue, Allocator(ways: 64).Take(64).Mask);

    [Fact]
    public void Tasks_taking_and_giving_back_at_once_leave_every_way_free()
    {
        var allocator = Allocator();

        Parallel.For(0, 1000, i =>
        {
            using var grant = allocator.Take(1 + (i % 12));
        });

        Assert.Equal([0x00fUL, 0x0f0UL, 0xf00UL], [allocator.Take(4).Mask, allocator.Take(4).Mask, allocator.Take(4).Mask]);
    }
}
