using System.Text.Json.Serialization;
using Orleans.Faas.Chains;
using Orleans.Faas.Gateway.Namespaces;

namespace Orleans.Faas.Gateway.Chains;

/// <summary>The JSON body of <c>POST /v1/chains</c>; unknown fields are rejected so typos do not pass silently.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ChainDefinitionRequest(string? Name, IReadOnlyList<ChainStepBody?>? Steps)
{
    /// <summary>The definition with its name and its steps' functions in <paramref name="scope"/>'s namespace; a name that is not valid stays one.</summary>
    public ChainDefinition ToDefinition(NamespaceScope scope) => new(
        Qualified(scope, Name),
        [.. (Steps ?? []).Select(step => step?.ToStep() is { } s ? s with { Function = Qualified(scope, s.Function) } : new ChainStep(""))]);

    private static string Qualified(NamespaceScope scope, string? name) => name is null ? "" : scope.Qualify(name) ?? "";
}
