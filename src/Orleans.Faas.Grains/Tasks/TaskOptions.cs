using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.Tasks;

/// <summary>How tasks watch over their attempts (<c>Faas:Tasks</c>).</summary>
public sealed class TaskOptions
{
    public const string Section = "Faas:Tasks";

    /// <summary>
    /// Added to a function's timeout to make the period of its tasks' watchdog: each period an unfinished task asks
    /// its worker whether it still holds the attempt, and places it again if not.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan WatchdogGrace { get; set; } = TimeSpan.FromSeconds(30);
}
