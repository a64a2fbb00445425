using System.Text.Json.Serialization;
using Orleans.Faas.Chains;

namespace Orleans.Faas.Gateway.Chains;

/// <summary>The JSON body of <c>POST /v1/chains</c>; unknown fields are rejected so typos do not pass silently.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ChainDefinitionRequest(string? Name, IReadOnlyList<ChainStepBody?>? Steps)
{
    public ChainDefinition ToDefinition() => new(Name ?? "", [.. (Steps ?? []).Select(step => step?.ToStep() ?? new ChainStep(""))]);
}
