namespace Orleans.Faas.Client;

/// <summary>A function's own placement: its policy, and the node labels every provider of it must carry.</summary>
public sealed record FunctionPlacement
{
    /// <summary>The policy for its tasks; null takes the cluster's.</summary>
    public PlacementPolicy? Policy { get; init; }

    /// <summary>Labels (key and value) a node must carry to run it.</summary>
    public IReadOnlyDictionary<string, string>? Requires { get; init; }
}
