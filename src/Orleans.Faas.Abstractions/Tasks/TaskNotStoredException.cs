namespace Orleans.Faas.Tasks;

/// <summary>The task's change could not be stored (its database is away), so nothing changed; trying again later may work.</summary>
[GenerateSerializer, Alias("faas.TaskNotStoredException")]
public sealed class TaskNotStoredException(Guid id, string reason)
    : Exception($"Task '{id}' could not be stored, so nothing changed: {reason}")
{
    /// <summary>How long a caller should wait before trying again.</summary>
    public const double RetryAfterSeconds = 5;

    [Id(0)]
    public Guid Id { get; } = id;
}
