using Orleans.Faas.HttpModel.Triggers;
using Orleans.Faas.Triggers;

namespace Orleans.Faas.Tests.Triggers;

/// <summary>Which of a schedule's times are due at a look: fired, late, or missed and left to the catch-up.</summary>
public sealed class DueTimesTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Handover = TimeSpan.FromMinutes(5);
    private static readonly CronSchedule EveryTwoSeconds = CronSchedule.Of(new TriggerSchedule("*/2 * * * * *"));

    [Fact]
    public void The_next_time_is_the_first_after_the_given_one_in_the_schedules_zone()
    {
        Assert.Equal(Start.AddSeconds(2), EveryTwoSeconds.Next(Start));
        Assert.Equal(Start.AddSeconds(2), EveryTwoSeconds.Next(Start.AddSeconds(1)));
        // 07:00 in Berlin is 06:00 UTC in winter, 05:00 UTC in summer; five fields are minutes first.
        var sevenInBerlin = CronSchedule.Of(new TriggerSchedule("0 7 * * *", "Europe/Berlin"));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero), sevenInBerlin.Next(Start)!.Value.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 5, 0, 0, TimeSpan.Zero),
            sevenInBerlin.Next(new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.Zero))!.Value.ToUniversalTime());
        Assert.Null(CronSchedule.Of(new TriggerSchedule("0 0 30 2 *")).Next(Start));
    }

    [Fact]
    public void Times_since_the_last_one_fire_in_order_and_the_look_goes_through_the_latest()
    {
        var due = DueTimes.Of(EveryTwoSeconds, CatchUp.None, Start, Start.AddSeconds(7), Handover, 100);

        Assert.Equal([Start.AddSeconds(2), Start.AddSeconds(4), Start.AddSeconds(6)], due.Fire);
        Assert.Equal(0, due.Skipped);
        Assert.Equal(Start.AddSeconds(6), due.Through);
        Assert.Null(DueTimes.Of(EveryTwoSeconds, CatchUp.All, Start, Start.AddSeconds(1), Handover, 100).Through);
    }

    [Fact]
    public void Times_late_by_less_than_the_handover_fire_whatever_the_catch_up_says()
    {
        // A silo died at 12:00:00 and the trigger woke on another one 90 s later.
        foreach (var catchUp in Enum.GetValues<CatchUp>())
        {
            var due = DueTimes.Of(EveryTwoSeconds, catchUp, Start, Start.AddSeconds(90), Handover, 100);
            Assert.Equal(45, due.Fire.Count);
            Assert.Equal(0, due.Skipped);
        }
    }

    [Fact]
    public void Times_missed_while_the_cluster_was_down_are_skipped_fired_once_or_all_fired_as_the_catch_up_says()
    {
        // Down for an hour: the times of the last five minutes are late, the 1,650 before them missed.
        var now = Start.AddHours(1);
        var late = Enumerable.Range(0, 150).Select(i => now - Handover + TimeSpan.FromSeconds(2 * (i + 1))).ToList();

        var none = DueTimes.Of(EveryTwoSeconds, CatchUp.None, Start, now, Handover, 1000);
        var one = DueTimes.Of(EveryTwoSeconds, CatchUp.One, Start, now, Handover, 1000);
        var all = DueTimes.Of(EveryTwoSeconds, CatchUp.All, Start, now, Handover, 10_000);

        Assert.Equal(late, none.Fire);
        Assert.Equal(1650, none.Skipped);
        Assert.Equal([now - Handover, .. late], one.Fire);
        Assert.Equal(1649, one.Skipped);
        Assert.Equal(1800, all.Fire.Count);
        Assert.Equal(0, all.Skipped);
        Assert.All([none, one, all], due => Assert.Equal(now, due.Through));
    }

    [Fact]
    public void A_backlog_longer_than_one_look_fires_oldest_first_and_goes_through_the_last_fired()
    {
        var capped = DueTimes.Of(EveryTwoSeconds, CatchUp.All, Start, Start.AddHours(1), Handover, 100);
        var lateOnly = DueTimes.Of(EveryTwoSeconds, CatchUp.None, Start.AddMinutes(56), Start.AddHours(1), Handover, 100);

        Assert.Equal(Enumerable.Range(1, 100).Select(i => Start.AddSeconds(2 * i)), capped.Fire);
        Assert.Equal(Start.AddSeconds(200), capped.Through);
        Assert.Equal(100, lateOnly.Fire.Count);
        Assert.Equal(lateOnly.Fire[^1], lateOnly.Through);
    }
}
