using Orleans.Faas.HttpModel.Triggers;

namespace Orleans.Faas.Triggers;

/// <summary>Which of a schedule's times are due: the ones to fire now, and the missed ones its catch-up leaves out.</summary>
/// <param name="Fire">The times to fire, oldest first.</param>
/// <param name="Skipped">How many missed times are left out; each is earlier than every time in <paramref name="Fire"/>.</param>
/// <param name="Through">The latest time these deal with, fired or skipped: the next ones are after it. Null when none is due.</param>
internal sealed record DueTimes(IReadOnlyList<DateTimeOffset> Fire, long Skipped, DateTimeOffset? Through)
{
    /// <summary>
    /// The times after <paramref name="after"/> and not after <paramref name="now"/>. Those later than
    /// <paramref name="now"/> minus <paramref name="handover"/> are fired whatever <paramref name="catchUp"/> says; earlier
    /// ones were missed while the cluster was down and are fired or skipped as it says. At most <paramref name="most"/>
    /// are fired; the rest are due again at the next look.
    /// </summary>
    public static DueTimes Of(CronSchedule cron, CatchUp catchUp, DateTimeOffset after, DateTimeOffset now, TimeSpan handover, int most)
    {
        var fire = new List<DateTimeOffset>();
        var cutoff = now - handover;
        long missed = 0;
        DateTimeOffset? latestMissed = null;
        foreach (var time in cron.Between(after, cutoff))
        {
            if (catchUp == CatchUp.All)
            {
                if (fire.Count == most)
                    return new DueTimes(fire, 0, fire[^1]);
                fire.Add(time);
            }
            missed++;
            latestMissed = time;
        }
        if (catchUp == CatchUp.One && latestMissed is { } latest)
            fire.Add(latest);
        var skipped = catchUp switch { CatchUp.None => missed, CatchUp.One => Math.Max(0, missed - 1), _ => 0 };

        var through = latestMissed;
        foreach (var time in cron.Between(after > cutoff ? after : cutoff, now))
        {
            if (fire.Count == most)
                break;
            fire.Add(time);
            through = time;
        }
        return new DueTimes(fire, skipped, through);
    }
}
