using System.Text.RegularExpressions;

namespace Orleans.Faas.HttpModel.Functions;

/// <summary>The shape of a node label (<c>gpu=true</c>, <c>zone=lab-2</c>), the same for what nodes carry and what functions require.</summary>
public static partial class Labels
{
    public const string Rule = "keys and values must be 1-63 characters of letters, digits, '.', '_' and '-', starting with a letter or digit.";

    public static bool IsValid(string key, string? value) => Pattern().IsMatch(key ?? "") && Pattern().IsMatch(value ?? "");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")]
    private static partial Regex Pattern();
}
