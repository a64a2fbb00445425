namespace Orleans.Faas.Namespaces;

public enum AdmittedWorkKind
{
    Task,
    Batch,
}

/// <summary>An invocation's task, or a batch of <paramref name="Tasks"/> tasks, counted against its namespace's limit until it finishes.</summary>
[GenerateSerializer, Immutable, Alias("faas.AdmittedWork")]
public sealed record AdmittedWork(
    [property: Id(0)] Guid Id,
    [property: Id(1)] AdmittedWorkKind Kind,
    [property: Id(2)] int Tasks);
