namespace Orleans.Faas.Cli;

internal static class EnumChoices
{
    /// <summary>Shows and completes an enum option's values in lower case, as people type them; parsing ignores case.</summary>
    public static Option<T> WithChoices<T>(this Option<T> option)
        where T : struct, Enum => Choices<T, Option<T>>(option);

    /// <summary>The same for an enum option that may be left out.</summary>
    public static Option<T?> WithChoices<T>(this Option<T?> option)
        where T : struct, Enum => Choices<T, Option<T?>>(option);

    private static TOption Choices<T, TOption>(TOption option)
        where T : struct, Enum
        where TOption : Option
    {
        var names = Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        option.HelpName = string.Join('|', names);
        option.CompletionSources.Clear();
        option.CompletionSources.Add(names);
        return option;
    }
}
