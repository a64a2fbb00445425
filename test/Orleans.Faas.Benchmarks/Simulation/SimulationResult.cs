using Orleans.Faas.Benchmarks.Measurement;

namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>What one placement did with a simulated workload.</summary>
/// <param name="Completion">Each task's finish − arrival, in milliseconds, waiting and re-placement after a failure included.</param>
/// <param name="MakespanMs">From the first arrival to the last finish.</param>
/// <param name="Utilisation">Busy slot time over all slot time during the makespan.</param>
/// <param name="Replaced">Tasks placed again because their provider went down.</param>
/// <param name="Simulating">The real time the simulation took, nearly all of it placement decisions.</param>
public sealed record SimulationResult(SimulatedPlacement Placement, Samples Completion, double MakespanMs, double Utilisation, int Cold, int Replaced, TimeSpan Simulating);
