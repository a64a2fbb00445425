using System.Text.RegularExpressions;
using Orleans.Faas.Functions;

namespace Orleans.Faas.HttpModel.Functions;

/// <summary>
/// The rules of the python runtime's fields (source, pickled, code, entry point), part of <see cref="FunctionDefinitionValidator"/>.
/// A docker function may carry a code file too, any file its command works on, which it finds in its working folder.
/// </summary>
internal static partial class PythonCodeValidator
{
    /// <summary>Adds what is wrong with the python fields to <paramref name="add"/>, by field name.</summary>
    public static void Validate(FunctionDefinition d, Action<string, string> add)
    {
        if (d.Runtime != FunctionRuntime.Python)
        {
            foreach (var (field, set) in new[] { ("source", d.Source is not null), ("entryPoint", d.EntryPoint is not null), ("pickled", d.Pickled is not null) })
            {
                if (set)
                    add(field, $"{field} is only for the python runtime.");
            }
            if (d.Code is not null && d.Runtime != FunctionRuntime.Docker)
                add("code", "code is only for the python and docker runtimes.");
            else if (d.Code is { } dockerFile)
                ValidateFile(dockerFile, add);
            return;
        }

        if (d.Image is not null)
            add("image", "Image is not set for the python runtime: its functions run in the Python image each node builds itself.");
        if (!d.Command.IsDefaultOrEmpty)
            add("command", "Command is not set for the python runtime: the platform's runner calls the entry point.");
        if (new[] { d.Source, d.Pickled, (object?)d.Code }.Count(code => code is not null) != 1)
            add("source", "The python runtime takes exactly one of 'source', 'pickled' or an uploaded code file.");

        if (d.Source is { } source && (source.Length == 0 || source.Contains('\0')))
            add("source", "Source must not be empty or contain NUL characters.");
        if (d.Pickled is { } pickled && !IsBase64(pickled))
            add("pickled", "Pickled must be a non-empty base64 string of a dill-pickled callable.");
        if (d.Pickled is not null && d.EntryPoint is not null)
            add("entryPoint", "A pickled callable has no entry point: it is the callable itself.");
        if (d.EntryPoint is { } entry && !EntryPointPattern().IsMatch(entry))
            add("entryPoint", "Entry point must be 'module:function' (dotted module names allowed) or, for inline source and .py files, 'function'.");
        else if (d.Source is not null && d.EntryPoint is { } inline && inline.Contains(':') && !inline.StartsWith($"{PythonCode.InlineModule}:", StringComparison.Ordinal))
            add("entryPoint", $"Inline source is the module '{PythonCode.InlineModule}': its entry point is '{PythonCode.InlineModule}:function' or 'function'.");

        if (d.Code is { } code && ValidateFile(code, add))
        {
            var ending = PythonCode.FileEndings.FirstOrDefault(e => code.FileName.EndsWith(e, StringComparison.Ordinal));
            if (ending is null)
                add("code", $"The code file must be named *{string.Join(", *", PythonCode.FileEndings)}; '{code.FileName}' is not.");
            else if (ending == ".py" && !IdentifierPattern().IsMatch(code.FileName[..^3]))
                add("code", $"A .py file's name is its module's name, so it must be a Python identifier; '{code.FileName}' is not.");
            else if (ending != ".py" && d.EntryPoint?.Contains(':') != true)
                add("entryPoint", "An archive needs an entry point 'module:function' naming a module in it.");
        }
    }

    /// <returns>Whether the file's name is one a folder can hold; adds what is wrong with its name and content.</returns>
    private static bool ValidateFile(CodeFile code, Action<string, string> add)
    {
        if (code.Content is not { Length: > 0 })
            add("code", "The code file is empty.");
        if (code.FileName is not { Length: > 0 } name || name is "." or ".." || name.Contains('/') || name.Contains('\\') || name.Contains('\0'))
        {
            add("code", $"The code file must be named without folders; '{code.FileName}' is not.");
            return false;
        }
        return true;
    }

    private static bool IsBase64(string text)
    {
        if (text.Length == 0)
            return false;
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var written) && written > 0;
    }

    [GeneratedRegex("^([A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*:)?[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EntryPointPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();
}
