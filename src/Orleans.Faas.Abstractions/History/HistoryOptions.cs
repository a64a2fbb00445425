using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.History;

/// <summary>How much execution history is kept (<c>Faas:History</c>): by count in embedded mode's memory, by age in PostgreSQL.</summary>
public sealed class HistoryOptions
{
    public const string Section = "Faas:History";

    /// <summary>The newest records the in-memory history keeps; older ones are dropped. PostgreSQL's history is not affected.</summary>
    [Range(1, 10_000_000)]
    public int MaxRows { get; set; } = 100_000;

    /// <summary>How long PostgreSQL keeps a record after its attempt finished; older ones are deleted a batch at a time.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(90);
}
