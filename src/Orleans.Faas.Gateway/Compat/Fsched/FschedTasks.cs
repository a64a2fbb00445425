using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.Gateway.Functions;
using Orleans.Faas.Gateway.Namespaces;

namespace Orleans.Faas.Gateway.Compat.Fsched;

/// <summary>
/// An Fsched task is a function of the docker runtime: the uploaded file is its code file (stored with its version, by
/// hash on the nodes), in its working folder; it runs in the Python image each node builds itself, with a shell and
/// Python; each command it is run with is <c>sh -c COMMAND</c>, a version of its own (the same command again changes nothing).
/// </summary>
public static class FschedTasks
{
    private const string Prefix = "fsched-";

    /// <summary>A new task id: the part of the function's name after <c>fsched-</c>.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N")[..16];

    public static string FunctionOf(string taskId) => Prefix + taskId;

    /// <summary>Stores the uploaded file as a new task's first version, which runs nothing until a command is given.</summary>
    public static async Task<string> CreateAsync(IGrainFactory grains, NamespaceScope scope, CodeFile file)
    {
        var id = NewId();
        await Register(grains, scope, new FunctionDefinition(FunctionOf(id), FunctionRuntime.Docker, PythonCode.Image, [],
            ImmutableDictionary<string, string>.Empty, Cpu: 0, MemoryMiB: 0, FunctionDefinition.DefaultTimeout, Code: file));
        return id;
    }

    /// <summary>The task's version that runs <paramref name="command"/>; throws <see cref="FunctionNotFoundException"/> for an unknown task.</summary>
    public static async Task<FunctionVersion> WithCommandAsync(IGrainFactory grains, NamespaceScope scope, string taskId, string command)
    {
        var name = FunctionOf(taskId);
        var latest = await FunctionEndpoints.Function(grains, scope, name).GetLatest() ?? throw new FunctionNotFoundException(taskId);
        return await Register(grains, scope, latest.Definition with { Name = name, Command = [PythonCode.Shell, "-c", command] });
    }

    private static async Task<FunctionVersion> Register(IGrainFactory grains, NamespaceScope scope, FunctionDefinition definition) =>
        (await FunctionRegistrar.RegisterAsync(grains, scope, definition, nameField: "task_id", nameRule: "The task id is malformed.")).Version;
}
