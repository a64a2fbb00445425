using System.Collections.Immutable;
using System.Globalization;
using Orleans.Faas.Functions;

namespace Orleans.Faas.Runtime.Benchmarks;

/// <summary>
/// The benchmark workloads that ship with the platform (faas-bench.c), as functions of an image every node builds
/// itself the first time one runs: nothing to build, push or pull beforehand. A workload's scale is a number, or
/// <see cref="InputScale"/>: the length of its input in KiB, so that its run time follows the input's size.
/// </summary>
public static class BenchmarkWorkloads
{
    /// <summary>The image every node builds from its own faas-bench binary; never pulled.</summary>
    public const string Image = "orleans-faas/benchmark:latest";

    /// <summary>Where the workloads program is in <see cref="Image"/>.</summary>
    public const string Program = "/faas-bench";

    /// <summary>faas-bench refuses larger scales.</summary>
    public const double MaxScale = 1e6;

    /// <summary>
    /// The scale argument that makes faas-bench read all of its input and take its length / 1024 as the scale: a
    /// 2048-byte input is scale 2. An empty input is refused (exit 2), as any scale that is not positive.
    /// </summary>
    public const string InputScale = "input";

    /// <summary>Single-threaded CPU-bound work whose data stays in L1: about 300 ms of a full core at scale 1.</summary>
    /// <param name="scale">Multiplies the work: positive, at most <see cref="MaxScale"/>.</param>
    public static FunctionDefinition Cpu(string name, double scale = 1) => Workload(name, "cpu", scale);

    /// <summary>Memory-bandwidth-bound work, a STREAM-like triad over 48 MiB: about 300 ms of a full core at scale 1.</summary>
    /// <param name="scale">Multiplies the work: positive, at most <see cref="MaxScale"/>.</param>
    public static FunctionDefinition Memory(string name, double scale = 1) => Workload(name, "memory", scale);

    private static FunctionDefinition Workload(string name, string workload, double scale)
    {
        if (!(scale > 0 && scale <= MaxScale))
            throw new ArgumentOutOfRangeException(nameof(scale), scale, $"The scale must be positive and at most {MaxScale}.");
        return new(
            name,
            FunctionRuntime.Docker,
            Image,
            [Program, workload, scale.ToString("R", CultureInfo.InvariantCulture)],
            ImmutableDictionary<string, string>.Empty,
            Cpu: 1.0,
            MemoryMiB: 128,
            Timeout: TimeSpan.FromSeconds(120),
            PullPolicy: ImagePullPolicy.Never,
            KeepWarm: true);
    }
}
