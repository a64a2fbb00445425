using System.Text.Json;

namespace Orleans.Faas.Scheduling;

/// <summary>A policy's name as the API and the execution history spell it: <c>least-loaded</c>.</summary>
public static class PolicyNames
{
    public static string Of(PlacementPolicyKind policy) => JsonNamingPolicy.KebabCaseLower.ConvertName(policy.ToString());
}
