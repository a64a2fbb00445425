using System.Text.RegularExpressions;

namespace Orleans.Faas.Functions;

/// <summary>The rules of the python runtime's fields (source, pickled, code, entry point), part of <see cref="FunctionDefinitionValidator"/>.</summary>
internal static partial class PythonCodeValidator
{
    /// <summary>Adds what is wrong with the python fields to <paramref name="add"/>, by field name.</summary>
    public static void Validate(FunctionDefinition d, Action<string, string> add)
    {
        if (d.Runtime != FunctionRuntime.Python)
        {
            foreach (var (field, set) in new[] { ("source", d.Source is not null), ("entryPoint", d.EntryPoint is not null), ("pickled", d.Pickled is not null), ("code", d.Code is not null) })
            {
                if (set)
                    add(field, $"{field} is only for the python runtime.");
            }
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

        if (d.Code is { } code)
        {
            var ending = PythonCode.FileEndings.FirstOrDefault(e => code.FileName.EndsWith(e, StringComparison.Ordinal));
            if (ending is null || code.FileName.Contains('/') || code.FileName.Contains('\\'))
                add("code", $"The code file must be named *{string.Join(", *", PythonCode.FileEndings)}, without folders; '{code.FileName}' is not.");
            else if (ending == ".py" && !IdentifierPattern().IsMatch(code.FileName[..^3]))
                add("code", $"A .py file's name is its module's name, so it must be a Python identifier; '{code.FileName}' is not.");
            else if (ending != ".py" && d.EntryPoint?.Contains(':') != true)
                add("entryPoint", "An archive needs an entry point 'module:function' naming a module in it.");
            if (code.Content is not { Length: > 0 })
                add("code", "The code file is empty.");
        }
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
