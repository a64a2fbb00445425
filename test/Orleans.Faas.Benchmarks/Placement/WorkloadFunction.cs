using Orleans.Faas.Runtime.Benchmarks;
using Orleans.Faas.Scheduling;

namespace Orleans.Faas.Benchmarks.Placement;

/// <summary>A benchmark workload (faas-bench cpu or memory) registered so that its run time follows its input's size.</summary>
public sealed record WorkloadFunction(string Name, string Workload)
{
    public static readonly IReadOnlyList<WorkloadFunction> Mix =
    [
        new("placement-cpu", "cpu"),
        new("placement-memory", "memory"),
    ];

    /// <summary>
    /// The definition to register: a new version every time, placed by <paramref name="policy"/>. <paramref name="run"/>
    /// names the run in the environment, so that each run's registration changes the definition (an unchanged one is no
    /// new version) and finds no container of another run warm; the work, and with it the profile, stays the same.
    /// </summary>
    public object Definition(PlacementPolicyKind policy, string run) => new
    {
        name = Name,
        env = new Dictionary<string, string> { ["PLACEMENT_RUN"] = run },
        image = BenchmarkWorkloads.Image,
        command = new[] { BenchmarkWorkloads.Program, Workload, BenchmarkWorkloads.InputScale },
        cpu = 1.0,
        memoryMiB = 128,
        pullPolicy = "never",
        keepWarm = true,
        timeoutSeconds = 120,
        placement = new { policy },
    };
}

/// <summary>One kind of task of the mix: a function and the size of its input, in bytes.</summary>
public sealed record TaskKind(WorkloadFunction Function, long InputBytes)
{
    /// <summary>An input of the kind's size; faas-bench reads only its length.</summary>
    public byte[] Input() => new byte[InputBytes];

    public override string ToString() => $"{Function.Workload} {InputBytes / 1024.0:0.#} KiB";
}
