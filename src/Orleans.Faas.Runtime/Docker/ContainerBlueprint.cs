using Docker.DotNet.Models;
using Orleans.Faas.Functions;
using Orleans.Faas.Runtime.Agent;
using Orleans.Faas.Runtime.Python;
using Orleans.Faas.Runtime.Runners;
using Orleans.Faas.Runtime.Secrets;

namespace Orleans.Faas.Runtime.Docker;

/// <summary>
/// Turns a function into the container the engine should create for it: the agent as PID 1 running the image's command,
/// inside a box with no network, no capabilities, no privilege gain, a read-only root, and limits on memory, CPU and pids.
/// </summary>
internal static class ContainerBlueprint
{
    public const string AgentFolder = "/.faas/bin";
    public const string SocketFolder = "/.faas/run";
    private const long BytesPerMiB = 1024 * 1024;

    /// <param name="image">The image's own configuration, for its entrypoint, command and user.</param>
    /// <param name="options">The node's box defaults, its name and its agent, whose folder is mounted read-only.</param>
    /// <param name="socketFolder">The node folder holding the socket the node listens on for the agent, mounted read-only.</param>
    /// <param name="secretsFolder">The node folder holding the function's secrets, mounted read-only at /run/secrets; null when it has none.</param>
    public static CreateContainerParameters For(FunctionDefinition function, Config? image, DockerOptions options, string socketFolder, string? secretsFolder = null)
    {
        var memory = (function.MemoryMiB > 0 ? function.MemoryMiB : options.DefaultMemoryMiB) * BytesPerMiB;
        var python = function.Runtime == FunctionRuntime.Python;
        var code = python || function.Code is not null;
        string[] binds =
        [
            $"{Path.GetDirectoryName(options.AgentPath)}:{AgentFolder}:ro",
            $"{socketFolder}:{SocketFolder}:ro",
            .. secretsFolder is null ? Array.Empty<string>() : [$"{secretsFolder}:{ContainerSecrets.MountPoint}:ro"],
        ];
        return new CreateContainerParameters
        {
            Image = python ? PythonContainer.Image : function.Image,
            // A python function's runner is kept between requests, so a warm call does not start the interpreter again.
            Entrypoint = [$"{AgentFolder}/faas-agent", .. python ? ["--server"] : Array.Empty<string>(), $"{SocketFolder}/{AgentListener.SocketName}"],
            Cmd = [.. python ? PythonContainer.Command(function) : CommandOf(function, image)],
            // A docker function's command finds its code file beside it; a python function's runner takes its path.
            WorkingDir = !python && code ? PythonContainer.CodeFolder : null,
            User = UserOf(function, image, options),
            Env = [.. function.Env.Select(pair => $"{pair.Key}={pair.Value}")],
            Labels = new Dictionary<string, string> { [DockerRunner.FunctionLabel] = function.Name, [DockerRunner.NodeLabel] = options.Node },
            NetworkDisabled = !function.Network,
            HostConfig = new HostConfig
            {
                NetworkMode = function.Network ? null : "none",
                CapDrop = ["ALL"],
                SecurityOpt = ["no-new-privileges"],
                ReadonlyRootfs = true,
                Tmpfs = new Dictionary<string, string> { ["/tmp"] = $"rw,nosuid,nodev,size={options.TmpMiB}m" },
                PidsLimit = function.PidsLimit > 0 ? function.PidsLimit : options.DefaultPidsLimit,
                Memory = memory,
                // Equal to Memory, so the container gets no swap beyond its limit.
                MemorySwap = memory,
                NanoCPUs = (long)Math.Round(CpuQuota(function, options) * 1e9),
                Binds = code ? [.. binds, $"{Path.Combine(socketFolder, PythonContainer.HostCodeFolder)}:{PythonContainer.CodeFolder}:ro"] : binds,
            },
        };
    }

    /// <summary>The user the function's containers run as: its own, else the image's unless that is root, else the node's default.</summary>
    public static string UserOf(FunctionDefinition function, Config? image, DockerOptions options) =>
        function.User ?? NonRootUserOf(image) ?? options.DefaultUser;

    /// <summary>The CPU quota, in cores, of the function's containers: its own or the node's default, never above the node's cap.</summary>
    public static double CpuQuota(FunctionDefinition function, DockerOptions options)
    {
        var asked = function.Cpu > 0 ? function.Cpu : options.DefaultCpu;
        return options.CpuCap is { } cap ? Math.Min(asked, cap) : asked;
    }

    /// <summary>What the agent runs per request: the image's entrypoint followed by the definition's command, else the image's.</summary>
    private static IReadOnlyList<string> CommandOf(FunctionDefinition function, Config? image)
    {
        var entrypoint = image?.Entrypoint ?? [];
        var command = function.Command.IsDefaultOrEmpty ? image?.Cmd ?? [] : [.. function.Command];
        var full = entrypoint.Concat(command).ToList();
        return full.Count > 0
            ? full
            : throw new FunctionStartException($"Function '{function.Name}' has no command: its definition gives none and image '{function.Image}' names no entrypoint or cmd.");
    }

    /// <summary>The image's own user when it is not root; an image that runs as root gets the node's default instead.</summary>
    private static string? NonRootUserOf(Config? image) =>
        image?.User is { Length: > 0 } user && user.Split(':')[0] is not ("root" or "0") ? user : null;
}
