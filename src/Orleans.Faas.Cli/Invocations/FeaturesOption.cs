using System.Globalization;

namespace Orleans.Faas.Cli.Invocations;

/// <summary><c>--feature conv_layers=53</c>: values of the function's declared features, repeated or comma-separated.</summary>
internal static class FeaturesOption
{
    public static Option<IReadOnlyDictionary<string, double>?> Create() => new("--feature")
    {
        Description = "A value of one of the function's declared features, name=value; repeat it or separate pairs with commas",
        HelpName = "name=value",
        AllowMultipleArgumentsPerToken = true,
        CustomParser = result =>
        {
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var pair in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length == 2 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                    values[parts[0]] = value;
                else
                    result.AddError($"'{pair}' is not name=value: e.g. --feature conv_layers=53.");
            }
            return values.Count == 0 ? null : values;
        },
    };
}
