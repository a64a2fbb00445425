namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>
/// Everything a simulated run is given, the same for every placement: the providers (the first the reference), the
/// tasks in arrival order, the failures, and how many containers of each function are idle on every provider at the start.
/// </summary>
/// <param name="Silos">The silos that place tasks, each with a placer of its own over the same view.</param>
public sealed record SimulatedWorkload(
    IReadOnlyList<NodeSpec> Nodes,
    IReadOnlyList<SimulatedTask> Tasks,
    IReadOnlyList<NodeFailure> Failures,
    int WarmAtStart,
    int Silos = 1)
{
    public string Reference => Nodes[0].Id;
}
