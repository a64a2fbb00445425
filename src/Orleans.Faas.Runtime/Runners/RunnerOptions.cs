using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.Runtime.Runners;

/// <summary>Limits every runner applies to what it keeps of a run (<c>Faas:Runner</c>).</summary>
public sealed class RunnerOptions
{
    public const string Section = "Faas:Runner";

    /// <summary>Standard output kept as the result; beyond it the outcome is marked truncated and the task fails.</summary>
    [Range(1, int.MaxValue)]
    public int MaxOutputBytes { get; set; } = 6 * 1024 * 1024;

    /// <summary>Standard error kept as logs: its tail, behind a truncation marker when longer.</summary>
    [Range(1, int.MaxValue)]
    public int MaxLogBytes { get; set; } = 64 * 1024;
}
