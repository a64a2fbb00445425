using Orleans.Faas.Chains;

namespace Orleans.Faas.Gateway.Chains;

/// <summary>A chain's version as the API shows it; every step is written as an object.</summary>
public sealed record ChainResponse(string Name, int Version, DateTimeOffset DefinedAt, IReadOnlyList<ChainStep> Steps)
{
    public static ChainResponse From(ChainVersion v) => new(v.Definition.Name, v.Version, v.DefinedAt, v.Definition.Steps);
}
