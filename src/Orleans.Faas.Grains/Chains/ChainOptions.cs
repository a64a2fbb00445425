using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.Chains;

/// <summary>How chain runs outlive their silo, and how far a fan-out step may reach (<c>Faas:Chains</c>).</summary>
public sealed class ChainOptions
{
    public const string Section = "Faas:Chains";

    /// <summary>
    /// The period of an unfinished run's reminder: how long at most a run whose silo died waits, after membership
    /// declared that silo dead, before another silo wakes it and it carries on. Orleans' floor for a reminder's period
    /// is a minute; a shorter one lowers it, and Orleans warns at start that such reminders are not for production.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan WakeUpPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Most lines a fan-out step makes tasks of, as <c>Faas:Gateway:MaxBatchItems</c> bounds a batch request; more fail the step.</summary>
    [Range(1, 1_000_000)]
    public int MaxFanOutItems { get; set; } = 10_000;

    /// <summary>Most bytes a fan-out step's outputs, joined, may come to; more fail the run at that step.</summary>
    [Range(1, int.MaxValue)]
    public int MaxJoinedOutputBytes { get; set; } = 6 * 1024 * 1024;
}
