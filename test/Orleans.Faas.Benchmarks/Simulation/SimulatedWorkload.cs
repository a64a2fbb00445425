namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>
/// Everything a simulated run is given, the same for every placement: the providers (the first the reference), the
/// tasks in arrival order, the failures, and how many containers of each function are idle on every provider at the start.
/// </summary>
public sealed record SimulatedWorkload(
    IReadOnlyList<NodeSpec> Nodes,
    IReadOnlyList<SimulatedTask> Tasks,
    IReadOnlyList<NodeFailure> Failures,
    int WarmAtStart)
{
    public string Reference => Nodes[0].Id;
}
