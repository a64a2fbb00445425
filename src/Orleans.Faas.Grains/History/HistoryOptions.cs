using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.History;

/// <summary>How much execution history embedded mode keeps in memory (<c>Faas:History</c>).</summary>
public sealed class HistoryOptions
{
    public const string Section = "Faas:History";

    /// <summary>The newest records the in-memory history keeps; older ones are dropped. PostgreSQL's history is not affected.</summary>
    [Range(1, 10_000_000)]
    public int MaxRows { get; set; } = 100_000;
}
