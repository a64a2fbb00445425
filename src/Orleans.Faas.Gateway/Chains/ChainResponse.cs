using System.Text.Json.Serialization;
using Orleans.Faas.Chains;
using Orleans.Faas.Namespaces;

namespace Orleans.Faas.Gateway.Chains;

/// <summary>A chain's version as the API shows it; every step is written as an object.</summary>
/// <param name="CallbackSecret">The key its runs' callbacks are signed with; only in a definition's answer.</param>
/// <param name="Name">Its name within its namespace; its steps' functions are of the same namespace.</param>
public sealed record ChainResponse(
    string Name,
    string Namespace,
    int Version,
    DateTimeOffset DefinedAt,
    IReadOnlyList<ChainStep> Steps,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CallbackSecret = null)
{
    public static ChainResponse From(ChainVersion v) => new(
        QualifiedName.LocalName(v.Definition.Name), QualifiedName.NamespaceOf(v.Definition.Name), v.Version, v.DefinedAt,
        [.. v.Definition.Steps.Select(step => step with { Function = QualifiedName.LocalName(step.Function) })]);
}
