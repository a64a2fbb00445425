namespace Orleans.Faas.Scheduling.Policies;

/// <summary>
/// Breaks a tie between equally good providers at random, drawn afresh for every decision: no name, registration
/// order or place in the view wins ties. A rotation would need state per policy and silo, and would still start with
/// whichever provider its order puts first after a restart.
/// </summary>
public static class TieBreak
{
    /// <summary>A key's last part: equal providers end up in a random order.</summary>
    public static int Draw() => Random.Shared.Next();
}
