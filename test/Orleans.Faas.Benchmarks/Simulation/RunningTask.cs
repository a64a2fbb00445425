namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>A task running on a simulated node: from its start, through a cold start if any, to its end.</summary>
/// <param name="RunningBefore">Tasks already running there when it started.</param>
/// <param name="QueuedBefore">Tasks still waiting there when it started.</param>
public sealed record RunningTask(SimulatedTask Task, double StartMs, double EndMs, double PredictedMs, double RunMs, bool Cold, int RunningBefore, int QueuedBefore, int Epoch);
