namespace Orleans.Faas.Functions;

/// <summary>How a python function's code is given: inline source (the module <see cref="InlineModule"/>), an uploaded file or archive, or a pickled callable.</summary>
public static class PythonCode
{
    /// <summary>The image python functions run in, which each node builds itself; a docker function may name it too.</summary>
    public const string Image = "orleans-faas/python:latest";

    /// <summary>The Python image's POSIX shell, for a docker function of that image that runs a command line.</summary>
    public const string Shell = "/usr/bin/sh";

    /// <summary>The module inline source is.</summary>
    public const string InlineModule = "main";

    /// <summary>The handler's name when the entry point names none.</summary>
    public const string DefaultFunction = "handler";

    public const string DefaultEntryPoint = $"{InlineModule}:{DefaultFunction}";

    /// <summary>The endings an uploaded code file may have: a module, or an archive of a package.</summary>
    public static readonly IReadOnlyList<string> FileEndings = [".py", ".zip", ".tar.gz", ".tgz"];
}
