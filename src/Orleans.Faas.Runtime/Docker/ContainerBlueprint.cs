using Docker.DotNet.Models;
using Orleans.Faas.Functions;
using Orleans.Faas.Runtime.Runners;

namespace Orleans.Faas.Runtime.Docker;

/// <summary>Turns a function into the container the engine should create for one run of it.</summary>
internal static class ContainerBlueprint
{
    private const long BytesPerMiB = 1024 * 1024;

    public static CreateContainerParameters For(FunctionDefinition function) => new()
    {
        Image = function.Image is { Length: > 0 } image
            ? image
            : throw new FunctionStartException($"Function '{function.Name}' runs in Docker but names no image."),
        Cmd = function.Command.IsDefaultOrEmpty ? null : [.. function.Command],
        Env = [.. function.Env.Select(pair => $"{pair.Key}={pair.Value}")],
        Labels = new Dictionary<string, string> { [DockerRunner.FunctionLabel] = function.Name },
        // Input arrives on stdin, which closes when we close our end of the attach stream.
        AttachStdin = true,
        AttachStdout = true,
        AttachStderr = true,
        OpenStdin = true,
        StdinOnce = true,
        Tty = false,
        HostConfig = new HostConfig
        {
            NanoCPUs = function.Cpu > 0 ? (long)Math.Round(function.Cpu * 1e9) : 0,
            Memory = function.MemoryMiB > 0 ? function.MemoryMiB * BytesPerMiB : 0,
            // Equal to Memory, so the container gets no swap beyond its limit.
            MemorySwap = function.MemoryMiB > 0 ? function.MemoryMiB * BytesPerMiB : 0,
        },
    };
}
