using System.Text;
using Orleans.Faas.Functions;

namespace Orleans.Faas.Runtime.Python;

/// <summary>
/// How a python function runs in a container of the Python image: its code as a file in a read-only folder, and the
/// runner as the agent's kept server (<c>faas-agent --server</c>), which loads the code once and calls it per request.
/// </summary>
internal static class PythonContainer
{
    public const string Image = PythonCode.Image;

    /// <summary>Where the function's code is mounted, read-only.</summary>
    public const string CodeFolder = "/.faas/code";

    /// <summary>The node folder, inside the container's agent folder, that holds its code.</summary>
    public const string HostCodeFolder = "code";

    private const string ServeMode = "serve";
    private const string CheckMode = "check";
    private const string PickledFile = "function.pkl";

    /// <summary>
    /// The function as the node checks its code: a fresh container whose runner answers each request with what is
    /// wrong with the code instead of calling it. The runner's mode travels as the command, which definitions of the
    /// python runtime cannot set themselves.
    /// </summary>
    public static FunctionDefinition ForCheck(FunctionDefinition function) =>
        function with { Command = [CheckMode], KeepWarm = false, Timeout = function.Timeout < CheckTimeout ? function.Timeout : CheckTimeout };

    /// <summary>The longest a check may run: well inside the grain call that waits for it (Orleans' 30 s response timeout).</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The field a problem the check finds belongs to.</summary>
    public static string CheckedField(FunctionDefinition function) => function switch
    {
        { Pickled: not null } => "pickled",
        { Code: not null } => "code",
        _ => "source",
    };

    /// <summary>The code file the runner loads: the module of inline source, the uploaded file, or the decoded pickle.</summary>
    public static (string FileName, byte[] Content) CodeOf(FunctionDefinition function) => function switch
    {
        { Pickled: { } pickled } => (PickledFile, Convert.FromBase64String(pickled)),
        { Code: { } code } => (code.FileName, code.Content),
        { Source: { } source } => ($"{PythonCode.InlineModule}.py", Encoding.UTF8.GetBytes(source)),
        _ => throw new ArgumentException($"Function '{function.Name}' has no Python code.", nameof(function)),
    };

    /// <summary>Invocations of a pickled function send and receive dill pickles (base64); every other one JSON.</summary>
    public static bool IsPickled(FunctionDefinition function) => function.Pickled is not null;

    /// <summary>The handler as <c>module:function</c> with the defaults filled in; null for a pickled callable.</summary>
    public static string? EntryPointOf(FunctionDefinition function) => function switch
    {
        { Pickled: not null } => null,
        { EntryPoint: { } entry } when entry.Contains(':') => entry,
        { Code: { } code } when code.FileName.EndsWith(".py", StringComparison.Ordinal) =>
            $"{code.FileName[..^3]}:{function.EntryPoint ?? PythonCode.DefaultFunction}",
        { EntryPoint: { } name } => $"{PythonCode.InlineModule}:{name}",
        _ => PythonCode.DefaultEntryPoint,
    };

    /// <summary>The runner's command line: mode, how invocations are encoded, the code file and the entry point.</summary>
    public static IReadOnlyList<string> Command(FunctionDefinition function) =>
    [
        PythonRootfs.Interpreter,
        PythonRootfs.RunnerPath,
        function.Command is [CheckMode] ? CheckMode : ServeMode,
        IsPickled(function) ? "pickled" : "json",
        $"{CodeFolder}/{CodeOf(function).FileName}",
        EntryPointOf(function) ?? "",
    ];

    /// <summary>Writes the code file into the container's folder on the node, readable by whatever user the container runs as.</summary>
    public static void WriteCode(FunctionDefinition function, string agentFolder)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("Python functions run in containers on Linux nodes.");
        var folder = Path.Combine(agentFolder, HostCodeFolder);
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        var (name, content) = CodeOf(function);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100);
    }
}
