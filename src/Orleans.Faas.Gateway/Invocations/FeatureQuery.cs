using System.Collections.Immutable;
using System.Globalization;
using Orleans.Faas.Gateway.Problems;

namespace Orleans.Faas.Gateway.Invocations;

/// <summary>
/// The <c>?features=</c> parameter: values of the function's declared features as <c>name:value</c> pairs separated by
/// commas. Only its form is checked here; the function checks the names and values against what it declares.
/// </summary>
public static class FeatureQuery
{
    public const string Parameter = "features";

    public const string Description = "?features= gives values of the function's declared features as name:value pairs separated by commas "
        + "(e.g. conv_layers:53,total_parameters:2.5e7); an unknown name, a value that is not a finite number or outside the feature's "
        + "min and max, or a required feature left out is a 400 validation problem naming features.<name>, and nothing is created.";

    /// <returns>The values by name; null when the parameter is absent or empty.</returns>
    /// <exception cref="InvalidQueryException">A pair is not <c>name:number</c>, or a name comes twice.</exception>
    public static ImmutableDictionary<string, double>? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var values = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var pair in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !double.TryParse(pair.AsSpan(colon + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw new InvalidQueryException(Parameter, $"'{pair}' is not name:number; features are name:value pairs separated by commas, e.g. conv_layers:53,fc_layers:3.");
            if (!values.TryAdd(pair[..colon].Trim(), value))
                throw new InvalidQueryException(Parameter, $"Feature '{pair[..colon].Trim()}' is given more than once.");
        }
        return values.ToImmutable();
    }
}
