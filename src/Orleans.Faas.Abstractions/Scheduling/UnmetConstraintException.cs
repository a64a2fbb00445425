namespace Orleans.Faas.Scheduling;

/// <summary>No ready provider carries the labels a function requires; the task is refused rather than left queued.</summary>
[GenerateSerializer, Alias("faas.UnmetConstraintException")]
public sealed class UnmetConstraintException(string function, string constraint)
    : Exception($"No ready provider can run '{function}': none carries {constraint}.")
{
    [Id(0)]
    public string Function { get; } = function;

    /// <summary>The requirement nobody meets, as <c>key=value</c> (several joined by " and " when only their combination is unmet).</summary>
    [Id(1)]
    public string Constraint { get; } = constraint;
}
