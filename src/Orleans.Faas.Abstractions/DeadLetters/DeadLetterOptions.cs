using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.DeadLetters;

/// <summary>How many dead letters are kept, and how long (<c>Faas:DeadLetters</c>); past either bound the oldest go first.</summary>
public sealed class DeadLetterOptions
{
    public const string Section = "Faas:DeadLetters";

    /// <summary>How long a dead letter is kept after its task failed, unless it is replayed or deleted first.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The most dead letters one function keeps; a new one beyond them drops the oldest.</summary>
    [Range(1, 1_000_000)]
    public int MaxPerFunction { get; set; } = 1000;
}
