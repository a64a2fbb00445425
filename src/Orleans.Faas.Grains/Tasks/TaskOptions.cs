using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.Tasks;

/// <summary>How tasks watch over their attempts and how long they are kept once finished (<c>Faas:Tasks</c>).</summary>
public sealed class TaskOptions
{
    public const string Section = "Faas:Tasks";

    /// <summary>
    /// Added to a function's timeout to make the period of its tasks' watchdog: each period an unfinished task asks
    /// its worker whether it still holds the attempt, and places it again if not.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan WatchdogGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a finished task, with its result and logs, is kept before it is deleted from storage and memory; batches
    /// and chain runs are kept as long after they finish. The execution history keeps its own rows.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
