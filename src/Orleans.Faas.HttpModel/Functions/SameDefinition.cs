using System.Collections.Immutable;
using Orleans.Faas.Functions;

namespace Orleans.Faas.HttpModel.Functions;

/// <summary>Whether two definitions describe the same function, member by member (record equality compares collections by reference).</summary>
public static class SameDefinition
{
    public static bool As(FunctionDefinition a, FunctionDefinition b) =>
        Scalars(a) == Scalars(b)
        && a.Command.SequenceEqual(b.Command)
        && a.Secrets.SequenceEqual(b.Secrets)
        && a.Features.SequenceEqual(b.Features)
        && Same(a.Env, b.Env)
        && a.Placement?.Policy == b.Placement?.Policy
        && Same(a.Placement?.Requires ?? ImmutableDictionary<string, string>.Empty, b.Placement?.Requires ?? ImmutableDictionary<string, string>.Empty)
        && SameCode(a.Code, b.Code)
        && RetryPolicy.Same(a.Retry, b.Retry);

    private static FunctionDefinition Scalars(FunctionDefinition d) =>
        d with { Command = [], Secrets = [], Features = [], Env = ImmutableDictionary<string, string>.Empty, Placement = null, Code = null, Retry = null };

    private static bool Same(ImmutableDictionary<string, string> a, ImmutableDictionary<string, string> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var value) && value == pair.Value);

    /// <summary>By content: an unchanged upload is the same code.</summary>
    public static bool SameCode(CodeFile? a, CodeFile? b) =>
        a is null || b is null ? a == b : a.FileName == b.FileName && a.Content.AsSpan().SequenceEqual(b.Content);
}
