using System.Collections.Immutable;
using Orleans.Faas.Functions;

namespace Orleans.Faas.Prediction.Features;

/// <summary>
/// Where a function's declared features go among the runtime model's columns. One model serves every function, so the
/// columns cannot be named per function: each function's declared features fill a fixed number of slots in the order
/// of their names, and slots it does not fill are missing. Slot 0 means different things for different functions;
/// the trees tell functions apart by their reference figures (and the missing indicators of the slots) before they
/// split on a slot, and ordering by name keeps a feature in its slot however the caller or the definition lists it.
/// </summary>
public static class DeclaredSlots
{
    public const int Count = DeclaredFeature.MaximumPerFunction;

    /// <summary>Every slot missing: a function that declares nothing, or an invocation that gave no values.</summary>
    public static ImmutableArray<float> None { get; } = [.. Enumerable.Repeat(float.NaN, Count)];

    /// <param name="declaredNames">The names the function declares, in any order; at most <see cref="Count"/> are used.</param>
    /// <param name="values">The invocation's values by name; names not declared are left out.</param>
    public static ImmutableArray<float> Of(IEnumerable<string> declaredNames, IReadOnlyDictionary<string, double>? values)
    {
        if (values is null || values.Count == 0)
            return None;
        var slots = Enumerable.Repeat(float.NaN, Count).ToArray();
        var slot = 0;
        foreach (var name in declaredNames.Order(StringComparer.Ordinal).Take(Count))
            slots[slot++] = values.TryGetValue(name, out var value) ? (float)value : float.NaN;
        return [.. slots];
    }
}
