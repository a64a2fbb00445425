using Orleans.Faas.Functions;
using Orleans.Faas.Profiles;

namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>
/// A task of a simulated workload: when it arrives, what the platform knows of it (its function, input size and
/// profile there), and its true run time on each provider, noise included, which only the simulation and the oracle
/// know. The same tasks are given to every placement.
/// </summary>
/// <param name="RunMs">The run time, without a cold start, on the provider with this id.</param>
public sealed record SimulatedTask(int Index, double ArrivalMs, FunctionDefinition Definition, long InputSize, ProfileEstimate? Profile, Func<string, double> RunMs)
{
    /// <summary>The idle containers its run can use (<see cref="Functions.WarmKey"/>), as a node counts them.</summary>
    public string WarmKey { get; } = Functions.WarmKey.Of(Definition);
}
