using Cronos;
using Orleans.Faas.Triggers;

namespace Orleans.Faas.HttpModel.Triggers;

/// <summary>A schedule's cron expression in its time zone, as Cronos reads and steps through it.</summary>
public sealed class CronSchedule
{
    private readonly CronExpression _expression;
    private readonly TimeZoneInfo _zone;

    private CronSchedule(CronExpression expression, TimeZoneInfo zone) => (_expression, _zone) = (expression, zone);

    /// <exception cref="CronFormatException">The expression is malformed.</exception>
    /// <exception cref="TimeZoneNotFoundException">The zone is unknown.</exception>
    public static CronSchedule Of(TriggerSchedule schedule) =>
        new(ParseCron(schedule.Cron), TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone));

    /// <summary>The first time after <paramref name="after"/>; null when the expression has none (e.g. 30 February).</summary>
    public DateTimeOffset? Next(DateTimeOffset after) => _expression.GetNextOccurrence(after, _zone, inclusive: false);

    /// <summary>Every time after <paramref name="after"/> up to and with <paramref name="until"/>, in order.</summary>
    public IEnumerable<DateTimeOffset> Between(DateTimeOffset after, DateTimeOffset until) =>
        after >= until ? [] : _expression.GetOccurrences(after, until, _zone, fromInclusive: false, toInclusive: true);

    /// <summary>What is wrong with the expression; null when Cronos reads it.</summary>
    public static string? CronProblem(string? cron)
    {
        if (string.IsNullOrWhiteSpace(cron))
            return "A schedule is a cron expression, e.g. \"*/2 * * * * *\" (every 2 seconds) or \"0 7 * * 1-5\" (07:00 on weekdays).";
        try
        {
            ParseCron(cron);
            return null;
        }
        catch (CronFormatException e)
        {
            return $"'{cron}' is no cron expression of five fields (minutes first) or six (seconds first): {e.Message}";
        }
    }

    /// <summary>What is wrong with the time zone id; null when this node knows it.</summary>
    public static string? TimeZoneProblem(string? timeZone)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(timeZone ?? "");
            return null;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return $"'{timeZone}' is no known time zone: give an IANA id such as \"UTC\" or \"Europe/Berlin\".";
        }
    }

    // Six fields have seconds first; five (and macros such as @hourly) are the classic minutes-first form.
    private static CronExpression ParseCron(string cron) =>
        CronExpression.Parse(cron, cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
}
