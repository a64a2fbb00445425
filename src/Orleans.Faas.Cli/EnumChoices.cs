namespace Orleans.Faas.Cli;

internal static class EnumChoices
{
    /// <summary>Shows and completes an enum option's values in lower case, as people type them; parsing ignores case.</summary>
    public static Option<T> WithChoices<T>(this Option<T> option)
        where T : struct, Enum
    {
        var names = Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        option.HelpName = string.Join('|', names);
        option.CompletionSources.Clear();
        option.CompletionSources.Add(names);
        return option;
    }
}
