using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.Gateway.Namespaces;

/// <summary>Limits per namespace (<c>Faas:Namespaces</c>).</summary>
public sealed class NamespaceOptions : IValidatableObject
{
    public const string Section = "Faas:Namespaces";

    /// <summary>Unfinished (queued and running) tasks a namespace may have at once; 0 is no limit.</summary>
    [Range(0, int.MaxValue)]
    public int MaxConcurrentTasks { get; set; }

    /// <summary>Namespaces with a limit of their own (<c>Faas:Namespaces:Limits:&lt;namespace&gt;:MaxConcurrentTasks</c>).</summary>
    public Dictionary<string, NamespaceLimit> Limits { get; set; } = [];

    public int LimitOf(string @namespace) => Limits.TryGetValue(@namespace, out var own) ? own.MaxConcurrentTasks : MaxConcurrentTasks;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Limits.Where(l => l.Value.MaxConcurrentTasks < 0)
            .Select(l => new ValidationResult($"Limits:{l.Key}:MaxConcurrentTasks must not be negative.", [nameof(Limits)]));
}

public sealed class NamespaceLimit
{
    /// <summary>This namespace's limit, in place of the default; 0 is no limit.</summary>
    public int MaxConcurrentTasks { get; set; }
}
