using System.Globalization;

namespace Orleans.Faas.Cli.Benchmarks;

/// <summary><c>--sizes 10,1000</c>: the input sizes a benchmark or profile runs at, comma-separated or repeated.</summary>
internal static class InputSizesOption
{
    public static Option<long[]> Create(bool required) => new("--sizes")
    {
        Description = "Input sizes, e.g. 10,1000",
        HelpName = "n,n,...",
        Required = required,
        AllowMultipleArgumentsPerToken = true,
        CustomParser = result =>
        {
            var sizes = new List<long>();
            foreach (var part in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                if (long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                    sizes.Add(size);
                else
                    result.AddError($"'{part}' is not an input size: sizes are whole numbers, e.g. --sizes 10,1000.");
            }
            return [.. sizes];
        },
    };
}
