using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Orleans.Faas.Functions;

namespace Orleans.Faas.HttpModel.Functions;

/// <summary>What a function may declare as features, and what values an invocation may give them.</summary>
public static partial class DeclaredFeatureRules
{
    public const string NameRule = "Feature names must be 1-63 characters of a-z, 0-9 and '_', starting with a letter.";

    /// <summary>What is wrong with a definition's declared features; empty when nothing is.</summary>
    public static IEnumerable<string> Problems(ImmutableArray<DeclaredFeature> features)
    {
        if (features.Length > DeclaredFeature.MaximumPerFunction)
            yield return $"A function declares at most {DeclaredFeature.MaximumPerFunction} features; this one declares {features.Length}.";
        foreach (var feature in features)
        {
            if (feature is null || !NamePattern().IsMatch(feature.Name ?? ""))
                yield return $"'{feature?.Name}': {NameRule}";
            else if (feature.Min is { } min && feature.Max is { } max && !(min <= max))
                yield return string.Create(CultureInfo.InvariantCulture, $"Feature '{feature.Name}': min {min} is above max {max}.");
            else if (feature.Min is { } low && !double.IsFinite(low) || feature.Max is { } high && !double.IsFinite(high))
                yield return $"Feature '{feature.Name}': min and max must be finite numbers.";
        }
        foreach (var name in features.Where(f => f is not null).GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
            yield return $"Feature '{name}' is declared more than once.";
    }

    /// <summary>Refuses values that name no declared feature, are not finite, fall outside its bounds, or leave a required one out.</summary>
    /// <exception cref="InvalidFeatureValuesException">The first value (or missing one) at fault.</exception>
    public static void Check(FunctionDefinition definition, IReadOnlyDictionary<string, double>? values)
    {
        var declared = definition.Features.ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var (name, value) in values ?? ImmutableDictionary<string, double>.Empty)
        {
            if (!declared.TryGetValue(name, out var feature))
                throw new InvalidFeatureValuesException(name, declared.Count == 0
                    ? $"'{definition.Name}' declares no features, so '{name}' cannot be given."
                    : $"'{definition.Name}' declares no feature '{name}'; it declares {string.Join(", ", declared.Keys.Order(StringComparer.Ordinal))}.");
            if (!double.IsFinite(value))
                throw new InvalidFeatureValuesException(name, $"Feature '{name}' must be a finite number.");
            if (value < feature.Min || value > feature.Max)
                throw new InvalidFeatureValuesException(name, string.Create(CultureInfo.InvariantCulture,
                    $"Feature '{name}' must be between {feature.Min?.ToString(CultureInfo.InvariantCulture) ?? "-inf"} and {feature.Max?.ToString(CultureInfo.InvariantCulture) ?? "inf"}; {value} is not."));
        }
        if (definition.Features.FirstOrDefault(f => f.Required && values?.ContainsKey(f.Name) != true) is { } missing)
            throw new InvalidFeatureValuesException(missing.Name, $"Feature '{missing.Name}' is required by '{definition.Name}'.");
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex NamePattern();
}
