using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.Triggers;

/// <summary>How triggers outlive their silo and what their status keeps (<c>Faas:Triggers</c>).</summary>
public sealed class TriggerOptions
{
    public const string Section = "Faas:Triggers";

    /// <summary>
    /// The period of every trigger's reminder, which keeps it active and wakes it on another silo once membership
    /// declared its silo dead: how long at most a trigger is away after that. Orleans' floor for a reminder's period is
    /// a minute; a shorter one lowers it, and Orleans warns at start that such reminders are not for production.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan KeepAliveEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How late a scheduled time may be and still be fired whatever the schedule's catch-up says: longer than a silo's
    /// death takes to be noticed plus <see cref="KeepAliveEvery"/>, so that only times missed while the whole cluster
    /// was down count as missed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan HandoverWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many of its latest firings a trigger's status lists.</summary>
    [Range(1, 1000)]
    public int RecentFirings { get; set; } = 100;
}
