namespace Orleans.Faas.Functions;

/// <summary>How a python function's code is given: inline source (the module <see cref="InlineModule"/>), an uploaded file or archive, or a pickled callable.</summary>
public static class PythonCode
{
    /// <summary>The module inline source is.</summary>
    public const string InlineModule = "main";

    /// <summary>The handler's name when the entry point names none.</summary>
    public const string DefaultFunction = "handler";

    public const string DefaultEntryPoint = $"{InlineModule}:{DefaultFunction}";

    /// <summary>The endings an uploaded code file may have: a module, or an archive of a package.</summary>
    public static readonly IReadOnlyList<string> FileEndings = [".py", ".zip", ".tar.gz", ".tgz"];
}
