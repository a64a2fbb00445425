using System.Globalization;

namespace Orleans.Faas.Cli;

internal static class CountOption
{
    /// <summary>An option whose value is a count of at least 1; anything else is a usage error that says so.</summary>
    public static Option<int> Create(string name, string description, int defaultValue, params string[] aliases) => new(name, aliases)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var token = result.Tokens.Single().Value;
            if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1)
                return count;
            result.AddError($"{name} takes a whole number from 1, not '{token}'.");
            return defaultValue;
        },
    };
}
