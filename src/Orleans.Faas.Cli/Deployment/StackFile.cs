using Orleans.Faas.Cli.Configuration;

namespace Orleans.Faas.Cli.Deployment;

/// <summary>
/// A stack file: <c>functions:</c> keyed by name, each with the fields of the HTTP function definition, in camelCase,
/// and for a python function optionally a <c>codeFile</c> to upload; beside them <c>triggers:</c> keyed by name, each
/// with the fields of the HTTP trigger definition.
/// </summary>
internal sealed class StackFile
{
    public Dictionary<string, StackFunction?> Functions { get; init; } = [];

    public Dictionary<string, StackTrigger?> Triggers { get; init; } = [];

    /// <summary>
    /// The file's functions and triggers in the order it lists them, each named by its key, code files found from the
    /// stack file's folder.
    /// </summary>
    public static (IReadOnlyList<StackFunction> Functions, IReadOnlyList<StackTrigger> Triggers) Read(string path)
    {
        var stack = YamlFile.Read<StackFile>(path);
        if (stack.Functions.Count == 0 && stack.Triggers.Count == 0)
            throw CliException.Usage($"{path}: no functions or triggers: list them under 'functions:' and 'triggers:', keyed by name");
        return ([.. stack.Functions.Select(f => Named(path, f.Key, f.Value))], [.. stack.Triggers.Select(t => Named(path, t.Key, t.Value))]);
    }

    private static StackFunction Named(string path, string name, StackFunction? definition) => definition switch
    {
        null => throw CliException.Usage($"{path}: function '{name}' has no fields"),
        // The key is the name; a second one inside could only disagree with it.
        { Name: not null } => throw CliException.Usage($"{path}: function '{name}': unknown key 'name' (the key above it is the name)"),
        _ => definition with { Name = name, CodeFile = definition.CodeFile is { } code ? Path.Combine(Path.GetDirectoryName(path)!, code) : null },
    };

    private static StackTrigger Named(string path, string name, StackTrigger? definition) => definition switch
    {
        null => throw CliException.Usage($"{path}: trigger '{name}' has no fields"),
        { Name: not null } => throw CliException.Usage($"{path}: trigger '{name}': unknown key 'name' (the key above it is the name)"),
        _ => definition with { Name = name },
    };
}
