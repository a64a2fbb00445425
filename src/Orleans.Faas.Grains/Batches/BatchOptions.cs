using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.Batches;

/// <summary>How batches make and follow their tasks (<c>Faas:Batches</c>).</summary>
public sealed class BatchOptions
{
    public const string Section = "Faas:Batches";

    /// <summary>Tasks a batch submits at once while it starts.</summary>
    [Range(1, 1024)]
    public int SubmitConcurrency { get; set; } = 64;

    /// <summary>How long a batch gathers its tasks' reports before it persists them in one write.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan FlushDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The period of the reminder on which an unfinished batch reads the tasks it has not heard finish.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ReconcileEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Output bytes one page of a batch's items carries at most; a page holds one item at the least.</summary>
    [Range(1, int.MaxValue)]
    public int MaxPageBytes { get; set; } = 8 * 1024 * 1024;
}
