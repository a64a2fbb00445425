using System.Text.Json.Serialization;
using Orleans.Faas.Chains;

namespace Orleans.Faas.Gateway.Chains;

/// <summary>A chain's version as the API shows it; every step is written as an object.</summary>
/// <param name="CallbackSecret">The key its runs' callbacks are signed with; only in a definition's answer.</param>
public sealed record ChainResponse(
    string Name,
    int Version,
    DateTimeOffset DefinedAt,
    IReadOnlyList<ChainStep> Steps,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CallbackSecret = null)
{
    public static ChainResponse From(ChainVersion v) => new(v.Definition.Name, v.Version, v.DefinedAt, v.Definition.Steps);
}
