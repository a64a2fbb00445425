using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.Callbacks;

/// <summary>How callbacks are delivered (<c>Faas:Callbacks</c>).</summary>
public sealed class CallbackOptions
{
    public const string Section = "Faas:Callbacks";

    /// <summary>How long after the task or batch finished delivery is tried before the callback FAILS.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The wait before the first retry; each later one waits about twice as long, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one POST may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The period of the reminder that resumes a pending delivery whose silo died.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ResumeEvery { get; set; } = TimeSpan.FromMinutes(1);
}
