using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.History;

/// <summary>How much execution history a silo keeps (<c>Faas:History</c>).</summary>
public sealed class HistoryOptions
{
    public const string Section = "Faas:History";

    /// <summary>
    /// Records embedded mode's in-memory history keeps, the newest: about half a kilobyte each. Training reads the
    /// newest <c>Faas:Models:Window</c>; PostgreSQL's history in cluster mode is not limited by this.
    /// </summary>
    [Range(1, 10_000_000)]
    public int InMemoryLimit { get; set; } = 20_000;
}
