using Orleans.Faas.Functions;
using Orleans.Faas.Runtime.Docker;

namespace Orleans.Faas.Runtime.Processes.Cgroups;

/// <summary>The CPU, memory and process limits of one run: the function's own, else the node's box defaults, as its container would get.</summary>
public sealed record RunLimits(double CpuCores, long MemoryBytes, int Pids)
{
    private const long BytesPerMiB = 1024 * 1024;

    public static RunLimits For(FunctionDefinition function, DockerOptions box) => new(
        ContainerBlueprint.CpuQuota(function, box),
        (function.MemoryMiB > 0 ? function.MemoryMiB : box.DefaultMemoryMiB) * BytesPerMiB,
        function.PidsLimit > 0 ? function.PidsLimit : box.DefaultPidsLimit);
}
