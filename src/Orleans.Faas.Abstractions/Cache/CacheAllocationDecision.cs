namespace Orleans.Faas.Cache;

/// <summary>
/// The share of its node's L3 cache one run was given (Intel CAT, through Linux resctrl), as stored on its task: the
/// ways, their bitmask and the resctrl group that held the run's container to them; or why the run got none.
/// </summary>
/// <param name="Ways">How many cache ways the run got; null when it got none.</param>
/// <param name="Mask">Their capacity bitmask in hex as resctrl shows it, e.g. <c>0f0</c>, the same in every cache domain; null when none.</param>
/// <param name="Group">The name of the resctrl group the run's container was in; null when none.</param>
/// <param name="Reason">Why the run got no cache ways of its own; null when it did.</param>
[GenerateSerializer, Immutable, Alias("faas.CacheAllocationDecision")]
public sealed record CacheAllocationDecision(
    [property: Id(0)] int? Ways,
    [property: Id(1)] string? Mask,
    [property: Id(2)] string? Group,
    [property: Id(3)] string? Reason)
{
    public static CacheAllocationDecision Allocated(int ways, string mask, string group) => new(ways, mask, group, null);

    public static CacheAllocationDecision NotAllocated(string reason) => new(null, null, null, reason);
}
