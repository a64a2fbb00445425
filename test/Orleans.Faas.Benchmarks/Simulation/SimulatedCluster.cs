namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>
/// A cluster of the <see cref="NodeClasses.Mix"/>: the first provider is a desktop, the reference; the others follow
/// the mix's weights in an interleaved order (smooth weighted round-robin), so any count holds every class in about
/// its share. Ids are numbered in that order, so name order says nothing of speed.
/// </summary>
public static class SimulatedCluster
{
    /// <summary>The reference's wall time of each platform benchmark workload; every score is relative, so any value serves.</summary>
    private const double ReferenceBenchmarkMs = 1000;

    public static IReadOnlyList<(NodeSpec Spec, NodeClass Class)> Create(int count)
    {
        var nodes = new List<(NodeSpec, NodeClass)>(count) { Node(0, NodeClasses.Desktop) };
        var current = new int[NodeClasses.Mix.Count];
        var total = NodeClasses.Mix.Sum(m => m.Weight);
        for (var i = 1; i < count; i++)
        {
            for (var c = 0; c < current.Length; c++)
                current[c] += NodeClasses.Mix[c].Weight;
            var chosen = Array.IndexOf(current, current.Max());
            current[chosen] -= total;
            nodes.Add(Node(i, NodeClasses.Mix[chosen].Class));
        }
        return nodes;
    }

    private static (NodeSpec, NodeClass) Node(int index, NodeClass nodeClass) =>
        (nodeClass.Spec($"n{index:D4}-{nodeClass.Name}", ReferenceBenchmarkMs), nodeClass);
}
