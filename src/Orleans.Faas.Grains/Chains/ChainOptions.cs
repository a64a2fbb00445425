using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.Chains;

/// <summary>How chain runs outlive their silo (<c>Faas:Chains</c>).</summary>
public sealed class ChainOptions
{
    public const string Section = "Faas:Chains";

    /// <summary>
    /// The period of an unfinished run's reminder: how long at most a run whose silo died waits, after membership
    /// declared that silo dead, before another silo wakes it and it carries on.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan WakeUpPeriod { get; set; } = TimeSpan.FromSeconds(30);
}
